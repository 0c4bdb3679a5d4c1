"""What `dxsite build --engine` says about the builder it was asked for."""

ENGINES: dict[str, dict[str, str]] = {
    "engine.zensical_missing": {
        "ja": "Zensical が入っていません: pip install 'dxsite[zensical]' で入れてから、"
        "もう一度 --engine zensical で作ってください（MkDocs で作るなら --engine は要りません）",
        "en": "Zensical is not installed: install it with pip install 'dxsite[zensical]', then "
        "build again with --engine zensical (MkDocs, the default, needs no --engine)",
    },
}
