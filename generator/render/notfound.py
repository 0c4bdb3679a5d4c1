"""The 404 pages: whole without site_url, styled and usable from any base path and depth.

A host serves its 404 page at whatever address was missing (GitHub Pages serves the site's
/404.html for every miss under the site; nginx an error_page), so the browser resolves the
page's URLs against that address, not against where the file lies. MkDocs writes the 404 page
with absolute URLs under site_url's path: served from a preview at /preview/ or an intranet
copy at /, it came unstyled with broken links. These pages depend on no URL for their look:
the stylesheet is inline (the Content-Security-Policy allows it by its hash, see
generator/postprocess.py) and there is no other asset. Their links are written relative to the
file's own place, right when the miss is at the site's top level (/preview/old.html) or the
page is opened as itself; a small script, allowed by the CSP by its hash, finds the site's root
from the address (the first directory below a name the site has at its top) and confirms it
with one request for ROOT/404.html before pointing the links there. Both languages are on
both pages: GitHub Pages serves the Japanese one for a miss under /en/ as well.
"""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..messages.catalogue import CATALOGUE
from ..model.plan import PlanFile
from . import text
from .contact import contact_html
from .labels import LABELS

NOT_FOUND = "404.html"
ROOTS = {"ja": "", "en": "en/"}
_WORDS = ("title", "lead", "home", "search", "links")

STYLE = (
    ":root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--bar:#1a4d8f;--a:#1a4d8f;"
    "--note-bg:#fff4ce;--note-fg:#3d2c00}"
    "@media (prefers-color-scheme:dark){:root{--fg:#e2e4e9;--bg:#1e2129;--bar:#1c3a63;"
    "--a:#9cc3ff;--note-bg:#3d2c00;--note-fg:#fff4ce}}"
    'body{margin:0;font-family:"Noto Sans JP","Hiragino Sans","Hiragino Kaku Gothic ProN",'
    '"BIZ UDPGothic","Yu Gothic",Meiryo,system-ui,sans-serif;line-height:1.8;color:var(--fg);'
    "background:var(--bg);font-size:1rem}"
    ":lang(en){line-height:1.6}"
    ".dx404-header{background:var(--bar);padding:.75rem 1rem}"
    ".dx404-site{color:#fff;font-weight:700;text-decoration:none}"
    ".dx404-site:hover,.dx404-site:focus{text-decoration:underline}"
    ".dx404-sample{margin:0;padding:.5rem 1rem;background:var(--note-bg);color:var(--note-fg)}"
    "main,.dx404-contact{max-width:40rem;margin:0 auto;padding:1rem}"
    "section{word-break:keep-all;overflow-wrap:anywhere}"
    "section+section{border-top:1px solid currentColor;margin-top:1.5rem}"
    "h1,h2{font-size:1.5rem;line-height:1.4}"
    "a{color:var(--a);text-decoration:underline;text-underline-offset:.15em}"
    "a:focus-visible{outline:3px solid var(--a);outline-offset:2px}"
    "address{font-style:normal}"
)

# Find the site's root in the address, confirm it by its 404.html and point the links there.
# `top` is the site's top-level directories; a candidate root is followed in the address by one
# of them (the English root, ROOT/en/, is tried last: it holds a 404.html too).
SCRIPT = (
    "!function(){var top=%s,d=location.pathname.split('/').slice(1,-1),first=[],rest=[];"
    "for(var i=d.length;i>=0;i--){var r='/'+d.slice(0,i).join('/')+(i?'/':'');"
    "(i<d.length&&top.indexOf(d[i])>=0&&d[i-1]!=='en'?first:rest).push(r)}"
    "var all=first.concat(rest.filter(function(r){return first.indexOf(r)<0}));"
    "function point(root){var a=document.querySelectorAll('a[data-dx-root]');"
    "for(var j=0;j<a.length;j++)a[j].href=root+a[j].getAttribute('data-dx-root')}"
    "function next(k){if(k>=all.length||!window.fetch)return;"
    "fetch(all[k]+'404.html',{method:'HEAD'}).then(function(r){r.ok?point(all[k]):next(k+1)},"
    "function(){next(k+1)})}next(0)}();"
)


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def top_level(site: Path) -> list[str]:
    """The directories at the site's top (kpis, strategies, en …): what follows its root."""
    return sorted(p.name for p in site.iterdir() if p.is_dir() and not p.name.startswith("."))


def page(plan: PlanFile, lang: str, top: list[str]) -> str:
    """The 404 page of `lang` (at ROOT/404.html or ROOT/en/404.html): both languages, its own
    first, with links relative to where the file lies."""

    def here(path: str) -> str:
        """A path from the site's root as a link from this file ("./" for its own folder)."""
        if lang == "en":
            path = path.removeprefix("en/") if path.startswith("en/") else "../" + path
        return path or "./"

    order = [lang, "en" if lang == "ja" else "ja"]
    words = {code: {word: CATALOGUE[f"a11y.404.{word}"][code] for word in _WORDS} for code in order}
    names = {lang: Markup(text.title(plan.title, lang))}
    script = SCRIPT % json.dumps(top, separators=(",", ":")).replace("</", "<\\/")
    return (
        _environment()
        .get_template("404.html.j2")
        .render(
            lang=lang,
            order=order,
            words=words,
            names=names,
            roots=ROOTS,
            here=here,
            sample=LABELS["sample_note"][lang] if plan.sample else "",
            contact=contact_html(plan.contact, lang),
            style=Markup(STYLE),
            script=Markup(script),
        )
    )
