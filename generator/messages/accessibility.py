"""The words of the 404 pages and the accessibility statement (JIS X 8341-3:2016 Annex JB), and
dxsite check's findings in accessibility-manual.yaml (ja, en)."""

ACCESSIBILITY: dict[str, dict[str, str]] = {
    "a11y.404.title": {"ja": "ページが見つかりません", "en": "Page not found"},
    "a11y.404.lead": {
        "ja": "お探しのページは見つかりませんでした。移動または削除されたか、"
        "アドレスが間違っている可能性があります。",
        "en": "The page you are looking for was not found. It may have moved or been removed, "
        "or the address may be mistyped.",
    },
    "a11y.404.home": {"ja": "トップページ", "en": "Home page"},
    "a11y.404.search": {"ja": "サイト内検索", "en": "Search the site"},
    "a11y.404.links": {"ja": "このサイトの入口", "en": "Ways into the site"},
}

ACCESSIBILITY |= {
    "a11y.manual.day": {
        "ja": "{value} は日付ではありません（YYYY-MM-DD で書いてください）",
        "en": "{value} is not a date (write YYYY-MM-DD)",
    },
    "a11y.manual.criterion": {
        "ja": "{ids} は JIS X 8341-3:2016 のレベル A・AA の達成基準ではありません"
        "（1.1.1 から 4.1.2 までの 38 項目です。WCAG 2.1 以降で加わった基準は含みません）",
        "en": "{ids}: not a success criterion of JIS X 8341-3:2016 at level A or AA (the 38 "
        "criteria 1.1.1 to 4.1.2; criteria added in WCAG 2.1 and later are not part of it)",
    },
    "a11y.manual.period": {
        "ja": "手動試験の終了日（{end}）が開始日（{start}）より前です",
        "en": "the manual test ends ({end}) before it starts ({start})",
    },
    "a11y.manual.unsafe": {
        "ja": "accessibility-manual.yaml を読めません: {problem}",
        "en": "accessibility-manual.yaml cannot be read: {problem}",
    },
    "a11y.manual.top": {
        "ja": "accessibility-manual.yaml の中身はキーと値の組（tester:、start:、end:、"
        "criteria: …）でなければなりません",
        "en": "accessibility-manual.yaml must be a mapping (tester:, start:, end:, criteria: …)",
    },
}

# The accessibility statement (ウェブアクセシビリティ方針と試験結果), in the order of JB.3.
ACCESSIBILITY |= {
    "a11y.s.policy": {
        "ja": "{city}は、このサイトを誰もが利用できるよう、日本産業規格 JIS X 8341-3:2016"
        "「高齢者・障害者等配慮設計指針－情報通信における機器，ソフトウェア及びサービス－第3部："
        "ウェブコンテンツ」の適合レベル AA に準拠することを目標とします。JIS X 8341-3:2016 は"
        "国際規格 ISO/IEC 40500:2012 と一致し、その内容は W3C の WCAG 2.0 と同じです。",
        "en": "{city} aims for this site to meet level AA of the Japanese Industrial Standard "
        "JIS X 8341-3:2016 (Guidelines for older persons and persons with disabilities: Web "
        "content), so that everyone can use it. JIS X 8341-3:2016 is identical to the "
        "international standard ISO/IEC 40500:2012, whose content is W3C's WCAG 2.0.",
    },
    "a11y.s.results": {"ja": "試験結果", "en": "Test results"},
    "a11y.s.results_lead": {
        "ja": "JIS X 8341-3:2016 附属書JB「試験方法」の表示事項に沿って、試験の結果を示します。",
        "en": "The results, in the form Annex JB (test methods) of JIS X 8341-3:2016 sets out.",
    },
    "a11y.s.date": {"ja": "表明日", "en": "Date of this statement"},
    "a11y.s.standard": {"ja": "規格の規格番号及び改正年", "en": "Standard and year"},
    "a11y.s.standard_value": {
        "ja": "JIS X 8341-3:2016（ISO/IEC 40500:2012・WCAG 2.0 と一致）",
        "en": "JIS X 8341-3:2016 (identical to ISO/IEC 40500:2012 and WCAG 2.0)",
    },
    "a11y.s.target": {"ja": "目標とする適合レベル", "en": "Target level"},
    "a11y.s.target_value": {"ja": "レベル AA", "en": "Level AA"},
    "a11y.s.wording": {"ja": "対応度", "en": "Degree of conformance"},
    "a11y.s.full": {
        "ja": "JIS X 8341-3:2016 の適合レベル AA に準拠",
        "en": "Meets level AA of JIS X 8341-3:2016 (準拠)",
    },
    "a11y.s.partial": {
        "ja": "JIS X 8341-3:2016 の適合レベル AA に一部準拠",
        "en": "Partially meets level AA of JIS X 8341-3:2016 (一部準拠)",
    },
    "a11y.s.considered": {
        "ja": "JIS X 8341-3:2016 の適合レベル AA に配慮",
        "en": "Level AA of JIS X 8341-3:2016 considered (配慮)",
    },
    "a11y.s.wording_note": {
        "ja": "「準拠」「一部準拠」「配慮」は、ウェブアクセシビリティ基盤委員会"
        "「ウェブコンテンツの JIS X 8341-3:2016 対応度表記ガイドライン」の表記です。",
        "en": "準拠, 一部準拠 and 配慮 are the terms of the Web Accessibility Infrastructure "
        "Committee's guideline for stating conformance to JIS X 8341-3:2016; no official English "
        "exists, and the words above render them.",
    },
    "a11y.s.rule": {"ja": "対応度の決め方", "en": "How the degree is decided"},
    "a11y.s.rule_text": {
        "ja": "「準拠」は、自動試験を行い、かつレベル A・AA の 38 の達成基準すべてを手動で"
        "確認して、すべてが「適合」または「適用なし」で、自動試験の違反もないときに限ります。"
        "38 項目すべてを確認したうえで満たしていない達成基準があり、今後の対応方針を示して"
        "いるときは「一部準拠」です。それ以外、たとえば手動で確認していない達成基準がある"
        "ときは、自動試験で違反がなくても「配慮」とします。自動試験で確認できるのは達成基準の"
        "一部だけだからです。",
        "en": "準拠 (meets) only when an automated test was run and all 38 success criteria of "
        "levels A and AA were checked by hand, each met or not applicable, with no violation "
        "found by the automated test. When all 38 were checked, some are not met and the plan "
        "for them is stated, 一部準拠 (partially meets). Otherwise, for example when a "
        "criterion was not checked by hand, 配慮 (considered), even without automated "
        "violations: an automated test covers only part of the criteria.",
    },
    "a11y.s.plan": {"ja": "今後の対応方針", "en": "What we will do"},
    "a11y.s.unchecked": {
        "ja": "手動での確認をしていない達成基準が {count} 項目あります（下の表の「未確認」）。",
        "en": "{count} success criteria have not been checked by hand (Not checked in the "
        "table below).",
    },
    "a11y.s.no_manual": {
        "ja": "手動での確認はまだ行っていません。",
        "en": "No manual check has been made yet.",
    },
    "a11y.s.scope": {"ja": "対象となるウェブページ", "en": "Pages covered"},
    "a11y.s.scope_value": {
        "ja": "このサイトの全ページ（日本語版と英語版）",
        "en": "Every page of this site (the Japanese and the English version)",
    },
    "a11y.s.technologies": {"ja": "依存したウェブコンテンツ技術", "en": "Technologies relied upon"},
    "a11y.s.technologies_value": {
        "ja": "HTML、CSS、SVG（グラフ）。JavaScript はサイト内検索とメニューの開閉などの"
        "操作に使い、内容を読むのには必要ありません。",
        "en": "HTML, CSS, SVG (charts). JavaScript is used for the site search and for opening "
        "the menu; reading the content does not need it.",
    },
    "a11y.s.selection": {
        "ja": "試験対象のウェブページを選択した方法",
        "en": "How pages were chosen",
    },
    "a11y.s.selection_value": {
        "ja": "自動試験: 全ページ（{count} ページ）。",
        "en": "Automated test: every page ({count} pages).",
    },
    "a11y.s.period": {"ja": "試験実施期間", "en": "Test period"},
    "a11y.s.automated_on": {"ja": "自動試験: {date}", "en": "Automated test: {date}"},
    "a11y.s.manual_on": {"ja": "手動確認: {start}〜{end}", "en": "Manual check: {start} to {end}"},
    "a11y.s.method": {"ja": "試験方法", "en": "Method"},
    "a11y.s.method_value": {
        "ja": "{tool}、{browser}、配色: {schemes}。ルール: WCAG 2.0 レベル A・AA（wcag2a、wcag2aa）"
        "と、追加の自動チェックとして WCAG 2.1 レベル A・AA（wcag21a、wcag21aa）。",
        "en": "{tool}, {browser}; color schemes: {schemes}. Rules: WCAG 2.0 levels A and AA "
        "(wcag2a, wcag2aa) and, as additional automated checks, WCAG 2.1 levels A and AA "
        "(wcag21a, wcag21aa).",
    },
    "a11y.s.tester": {"ja": "手動確認の実施者", "en": "Checked by hand by"},
    "a11y.s.light": {"ja": "ライト", "en": "light"},
    "a11y.s.dark": {"ja": "ダーク", "en": "dark"},
    "a11y.s.checklist": {"ja": "達成基準チェックリスト", "en": "Success criteria checklist"},
    "a11y.s.checklist_lead": {
        "ja": "自動試験（axe-core のルールと、そのタグが示す達成基準の対応）と手動確認の結果を"
        "合わせたものです。自動試験で違反が見つかった達成基準は「不適合」です。",
        "en": "The automated results (axe-core's rules, mapped to criteria by their tags) and "
        "the manual results combined. A criterion with an automated violation is Not met.",
    },
    "a11y.s.criterion": {"ja": "達成基準", "en": "Success criterion"},
    "a11y.s.level": {"ja": "レベル", "en": "Level"},
    "a11y.s.applies": {"ja": "適用", "en": "Applies"},
    "a11y.s.result": {"ja": "結果", "en": "Result"},
    "a11y.s.automated": {"ja": "自動試験", "en": "Automated"},
    "a11y.s.manual": {"ja": "手動確認", "en": "By hand"},
    "a11y.s.note": {"ja": "注記", "en": "Note"},
    "a11y.s.yes": {"ja": "はい", "en": "Yes"},
    "a11y.s.no": {"ja": "いいえ", "en": "No"},
    "a11y.s.pass": {"ja": "適合", "en": "Met"},
    "a11y.s.fail": {"ja": "不適合", "en": "Not met"},
    "a11y.s.na": {"ja": "適用なし", "en": "Not applicable"},
    "a11y.s.unchecked_result": {"ja": "未確認", "en": "Not checked"},
    "a11y.s.rules_clean": {"ja": "{count} ルール、違反なし", "en": "Rules: {count}, no violation"},
    "a11y.s.rules_failed": {
        "ja": "{count} ルール、違反 {pages} ページ",
        "en": "Rules: {count}, violations on {pages} page(s)",
    },
    "a11y.s.no_rules": {"ja": "該当ルールなし", "en": "No rule"},
    "a11y.s.rules_unknown": {"ja": "ルールとの対応は未記録", "en": "Rules not recorded"},
    "a11y.s.not_run": {"ja": "未実施", "en": "Not run"},
    "a11y.s.pages": {"ja": "試験を行ったウェブページ", "en": "Pages tested"},
    "a11y.s.pages_caption": {
        "ja": "試験を行ったページと自動試験の違反の数",
        "en": "The pages tested and the automated violations found",
    },
    "a11y.s.page": {"ja": "ページ", "en": "Page"},
    "a11y.s.violations_ja": {"ja": "違反（日本語版）", "en": "Violations (Japanese)"},
    "a11y.s.violations_en": {"ja": "違反（英語版）", "en": "Violations (English)"},
    "a11y.s.other_version": {"ja": "英語版", "en": "Japanese version"},
    "a11y.s.gone": {
        "ja": "（現在このサイトにないページ）",
        "en": "(no longer on this site)",
    },
    "a11y.s.no_test": {
        "ja": "まだ試験を実施していません。対応度は「配慮」です。",
        "en": "No test has been run yet. The degree of conformance is 配慮 (considered).",
    },
    "a11y.s.feedback": {
        "ja": "お気づきの点は{contact}お知らせください。",
        "en": "Please tell us about any barrier you meet{contact}.",
    },
}
