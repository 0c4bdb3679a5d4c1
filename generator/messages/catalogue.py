"""Every message, hint, severity word and summary of dxsite: key → {ja, en} (str.format fields)."""

from .accessibility import ACCESSIBILITY
from .build import BUILD
from .chapters import CHAPTERS
from .check import CHECK
from .citizen import CITIZEN
from .commands import COMMANDS
from .crosscheck import CROSS
from .engines import ENGINES
from .exchange import EXCHANGE
from .fields import FIELDS
from .format import FORMAT
from .load import LOAD
from .model import MODEL
from .numbers import NUMBERS
from .output import OUTPUT
from .package import PACKAGE
from .paths import PATHS

CATALOGUE: dict[str, dict[str, str]] = {
    "severity.error": {"ja": "エラー", "en": "error"},
    "severity.warning": {"ja": "警告", "en": "warning"},
    "summary.clean": {"ja": "問題は見つかりませんでした。", "en": "No problems found."},
    "summary.counts": {
        "ja": "エラー {errors} 件、警告 {warnings} 件。",
        "en": "{errors} error(s), {warnings} warning(s).",
    },
    "summary.strict": {
        "ja": "（--strict: 警告もエラーとして数えます）",
        "en": " (--strict: warnings count as errors)",
    },
    "did_you_mean": {"ja": "。「{word}」のことですか？", "en": '; did you mean "{word}"?'},
    "coverage.title": {"ja": "英語の翻訳状況:", "en": "English coverage:"},
    "coverage.line": {
        "ja": "  {file}: {total} 件中 {done} 件を翻訳済み（{percent:.0f}%）",
        "en": "  {file}: {done}/{total} texts translated ({percent:.0f}%)",
    },
    "build.done": {
        "ja": "{site}/（日本語）と {site}/en/（英語）を作りました。",
        "en": "Built {site}/ (Japanese) and {site}/en/ (English).",
    },
    "build.failed": {
        "ja": "計画にエラーがあるため、サイトは作りませんでした（site/ はそのままです）",
        "en": "the plan has errors: the site was not built (site/ is unchanged)",
    },
    "serve.rebuilt": {
        "ja": "dxsite serve: {seconds:.2f} 秒で作り直しました",
        "en": "dxsite serve: rebuilt in {seconds:.2f} s",
    },
    "serve.kept": {
        "ja": "dxsite serve: {problem}。前回のサイトを表示し続けます",
        "en": "dxsite serve: {problem}; still serving the last good build",
    },
    "serve.listening": {
        "ja": "dxsite serve: http://{host}:{port}/ （Ctrl-C で終了）",
        "en": "dxsite serve: http://{host}:{port}/ (Ctrl-C to stop)",
    },
    "config.env": {
        "ja": "!ENV はビルドするマシンの環境変数（CI の秘密情報を含む）をサイトに書き出すため、"
        "mkdocs.yml では使えません: 値をそのまま書いてください",
        "en": "!ENV would publish the build machine's environment variables (CI secrets "
        "included) in the site: write the value itself",
    },
    "config.python": {
        "ja": "Python のタグ {tag} はビルド時にコードを実行するため、mkdocs.yml では使えません",
        "en": "the Python tag {tag} would run code at build time: it is not allowed in mkdocs.yml",
    },
    "config.tag": {
        "ja": "YAML のタグ {tag} は mkdocs.yml では使えません: 値をそのまま書いてください",
        "en": "the YAML tag {tag} is not allowed in mkdocs.yml: write the value itself",
    },
    "config.merge": {
        "ja": "マージキー（<<）は mkdocs.yml では使えません: 設定をそのまま書いてください",
        "en": "merge keys (<<) are not allowed in mkdocs.yml: write the settings out",
    },
    "config.inherit": {
        "ja": "INHERIT は別のファイルの設定を読み込むため、mkdocs.yml では使えません"
        "（dxsite が生成する設定がこのファイルを継承します）",
        "en": "INHERIT would load settings from another file: it is not allowed in mkdocs.yml "
        "(dxsite's generated configs inherit this file)",
    },
    "config.hooks": {
        "ja": "hooks はビルド時に Python のコードを実行するため、mkdocs.yml では使えません"
        "（変更はメンテナーが dxsite 自体に加えてください）",
        "en": "hooks run Python code at build time: they are not allowed in mkdocs.yml "
        "(a maintainer changes dxsite itself instead)",
    },
    "config.plugins": {
        "ja": "MkDocs のプラグインはビルド時にコードを実行するため、mkdocs.yml では使えません"
        "（許可されたプラグインはありません。検索は dxsite が作ります）",
        "en": "MkDocs plugins run code at build time: they are not allowed in mkdocs.yml "
        "(the vetted list is empty; dxsite makes the search itself)",
    },
    "config.remote": {
        "ja": "{setting} の「{url}」は別のホストのファイルを全ページで読み込ませます: "
        "サイト内のファイル（theme/ の下など）を指定してください",
        "en": '{setting} "{url}" would load a file from another host into every page: '
        "use a file of the site (under theme/)",
    },
    "config.syntax": {
        "ja": "mkdocs.yml の YAML 構文エラー: {problem}",
        "en": "YAML syntax error in mkdocs.yml: {problem}",
    },
    "config.unreadable": {
        "ja": "読み込めません（入れ子が深すぎるか、YAML ではありません）",
        "en": "cannot be read (nested too deeply, or not YAML)",
    },
    "config.theme_changed": {
        "ja": "theme/ の変更です（{base} との比較）: テンプレートとアセットは全ページに"
        "使われるため、メンテナーが確認してください",
        "en": "a change to theme/ (against {base}): its templates and assets shape every "
        "page, so a maintainer should review it",
    },
    "serve.host": {
        "ja": "dxsite serve は Host が 127.0.0.1 か localhost の要求にだけ答えます",
        "en": "dxsite serve answers only requests for Host 127.0.0.1 or localhost",
    },
    "cli.error": {"ja": "dxsite: エラー: {problem}", "en": "dxsite: error: {problem}"},
    **EXCHANGE,
    **PACKAGE,
    **NUMBERS,
    **LOAD,
    **CHECK,
    **FORMAT,
    **CHAPTERS,
    **BUILD,
    **FIELDS,
    **MODEL,
    **CROSS,
    **CITIZEN,
    **OUTPUT,
    **COMMANDS,
    **PATHS,
    **ACCESSIBILITY,
    **ENGINES,
}
