"""JSON Schemas for every YAML file and for plan.json, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model.project import FILES, Project
from .reference import JA_MARK, description

SCHEMA_DIR = "schemas"


def schema_name(rel: str) -> str:
    """The schema file for a plan file: plan/strategies.yaml → strategies.schema.json."""
    return Path(rel).stem + ".schema.json"


def _described(node: Any) -> Any:
    """`node` with every description on one line a language: the English, then `ja: …`."""
    if isinstance(node, list):
        return [_described(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _described(value) for key, value in node.items()}
    if isinstance(out.get("description"), str):
        english, japanese = (description(out["description"], lang) for lang in ("en", "ja"))
        out["description"] = english + (JA_MARK + japanese if japanese else "")
    return out


def _schema(model: type[BaseModel], name: str) -> str:
    schema = _described(model.model_json_schema(mode="validation"))
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": name, **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def schemas() -> dict[str, str]:
    """Every schema file's name and content."""
    out = {schema_name(rel): _schema(model, schema_name(rel)) for rel, model, _ in FILES.values()}
    out["project.schema.json"] = _schema(Project, "project.schema.json")
    return out


def write_schemas(root: Path) -> list[str]:
    """Write the schemas into root/schemas/; returns the names of files that changed."""
    target = root / SCHEMA_DIR
    target.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, content in schemas().items():
        path = target / name
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            changed.append(name)
    return changed
