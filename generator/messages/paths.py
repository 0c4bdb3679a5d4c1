"""The words of the path checks before a build (generator/paths.py): links, loops and folders
dxsite will not read from or write into (ja and en)."""

PATHS: dict[str, dict[str, str]] = {
    "paths.loop": {
        "ja": "{path}: シンボリックリンクが循環しています: リンクを削除してください",
        "en": "{path}: a symbolic link loop: remove the link",
    },
    "paths.into_git": {
        "ja": "{path}: .git の中へのシンボリックリンクです（.git にはジョブの認証情報があります）",
        "en": "{path}: a symbolic link into .git, which holds the job's credentials",
    },
    "paths.outside": {
        "ja": "{path}: プロジェクトの外（{target}）へのシンボリックリンクです: "
        "ファイルやフォルダーそのものをコミットしてください",
        "en": "{path}: a symbolic link to {target}, outside the project: commit the file or "
        "folder itself",
    },
    "paths.not_regular": {
        "ja": "{path}: 通常のファイルではありません",
        "en": "{path}: not a regular file",
    },
    "paths.folder_loop": {
        "ja": "{path}: フォルダーが自分自身にリンクされています: リンクを削除してください",
        "en": "{path}: a folder linked into itself: remove the link",
    },
    "paths.work_link": {
        "ja": "{path}: シンボリックリンクです。dxsite はここに本物のフォルダーを置きます",
        "en": "{path}: a symbolic link; dxsite keeps a real folder there",
    },
    "paths.work_not_folder": {
        "ja": "{path}: フォルダーではありません。dxsite はここに作業用のフォルダーを置きます",
        "en": "{path}: not a folder; dxsite keeps its work there",
    },
    "paths.work_holds_link": {
        "ja": "{path}: dxsite の作業フォルダーの中のシンボリックリンクです: "
        "{work}/ を削除してビルドし直してください",
        "en": "{path}: a symbolic link in dxsite's work folder: delete {work}/ and build again",
    },
    "paths.site_link": {
        "ja": "{path}: シンボリックリンクです。dxsite はサイトを本物のフォルダーに書きます",
        "en": "{path}: a symbolic link; dxsite writes the site into a real folder",
    },
    "paths.site_holds_project": {
        "ja": "--site-dir {path}: サイトのフォルダーをプロジェクトそのものや、"
        "プロジェクトを含むフォルダーにはできません",
        "en": "--site-dir {path}: the site folder must not be or hold the project",
    },
    "paths.site_inside": {
        "ja": "--site-dir {path}: サイトのフォルダーを {name}/ の中には置けません",
        "en": "--site-dir {path}: the site folder must not lie inside {name}/",
    },
    "paths.site_not_folder": {
        "ja": "{path}: フォルダーではありません。dxsite はサイトをフォルダーに書きます",
        "en": "{path}: not a folder; dxsite writes the site into a folder",
    },
    "paths.site_not_ours": {
        "ja": "{path}: dxsite が書いたフォルダーではなく（{marker} ファイルがありません）、"
        "空でもありません: dxsite は自分のサイトだけを置き換えます。"
        "空にするか、別の --site-dir を指定してください",
        "en": "{path}: a folder dxsite did not write (it has no {marker} file) and not empty: "
        "dxsite replaces only its own site; empty it or choose another --site-dir",
    },
}
