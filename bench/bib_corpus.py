"""Compares what ProfileSite serves for one .bib file with what pybtex reads from it.

Usage: bib_corpus.py FILE.bib BASE_URL DETAILS.txt
Prints one Markdown table row; writes every difference to DETAILS.txt.
"""
import collections
import html.parser
import json
import re
import sys
import unicodedata
import urllib.request

import pybtex.errors
from pybtex.database import parse_file
from pylatexenc.latex2text import LatexNodes2Text

pybtex.errors.set_strict_mode(False)
latex = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)


def text(value):
    """LaTeX to plain text the way pylatexenc reads it, normalised for comparison."""
    if value is None:
        return None
    try:
        plain = latex.latex_to_text(value)
    except Exception:  # pylatexenc gives up on some inputs; compare the raw text then
        plain = value
    return norm(plain)


def norm(value):
    if value is None:
        return None
    value = unicodedata.normalize("NFC", str(value))
    value = value.replace("\u00a0", " ").replace("{", "").replace("}", "")
    value = re.sub(r"<[^>]+>", "", value)  # CSL rich text tags
    return re.sub(r"\s+", " ", value).strip()


def person(p):
    given = " ".join(p.first_names + p.middle_names)
    family = " ".join(p.prelast_names + p.last_names)
    return (text(family), text(given))


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode("utf-8")


class Meta(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = collections.defaultdict(list)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("name") or "").startswith("citation_"):
            self.tags[a["name"]].append(a.get("content") or "")


def main(bib, base, details):
    db = parse_file(bib)
    csl = {item["id"]: item for item in json.loads(fetch(base + "/publications.json"))}
    agree = collections.Counter()
    differ = collections.Counter()
    lines = []

    def compare(key, field, theirs, ours):
        if theirs is None or theirs == "" or theirs == []:
            return
        if theirs == ours:
            agree[field] += 1
        else:
            differ[field] += 1
            lines.append(f"{key}\t{field}\tpybtex: {theirs!r}\tours: {ours!r}")

    slugs = {}
    for item in csl.values():
        url = item.get("URL", "")
        slugs[item["id"]] = url
    for key, entry in db.entries.items():
        item = csl.get(key)
        if item is None:
            lines.append(f"{key}\t(entry)\tin pybtex, not served by us")
            differ["(entry)"] += 1
            continue
        agree["(entry)"] += 1
        f = {k.lower(): v for k, v in entry.fields.items()}
        title = f.get("title")
        if title is not None and f.get("subtitle"):
            title = title + ": " + f["subtitle"]
        if title is not None and f.get("titleaddon"):
            title = title + ". " + f["titleaddon"]
        compare(key, "title", text(title), norm(item.get("title")))
        for role in ("author", "editor"):
            theirs = [person(p) for p in entry.persons.get(role, [])]
            ours = [
                (norm(" ".join(x for x in (n.get("non-dropping-particle"), n.get("family") or n.get("literal")) if x)), norm(n.get("given", "")))
                for n in item.get(role, [])
            ]
            compare(key, role, theirs, ours)
        container = f.get("journaltitle") or f.get("journal") or f.get("booktitle")
        if entry.type.lower() in ("article", "inproceedings", "incollection", "inbook"):
            compare(key, "container-title", text(container), norm(item.get("container-title")))
        date_year = re.match(r"-?\d{4}", f.get("date") or "")
        year = f.get("year") or (date_year.group(0).lstrip("0") if date_year and not date_year.group(0).startswith("-") else date_year.group(0) if date_year else None)
        issued = item.get("issued", {}).get("date-parts", [[None]])[0][0]
        compare(key, "year", norm(year), norm(issued) if issued else None)
        compare(key, "DOI", norm(f.get("doi")), norm(item.get("DOI")))
        compare(key, "volume", text(f.get("volume")), norm(item.get("volume")))
        compare(key, "page", text(f.get("pages")).replace("–", "-") if f.get("pages") else None, norm(item.get("page")))

    # citation_* tags of every served .bib paper (the detail page of each).
    index = fetch(base + "/publications")
    for slug in sorted(set(re.findall(r'href="/publications/([^"/?#.]+)"', index))):
        page = fetch(base + "/publications/" + slug)
        meta = Meta()
        meta.feed(page)
        key = next((k for k, v in csl.items() if v.get("URL", "").endswith("/publications/" + slug)), None)
        entry = None
        if key is None:
            key = next((k for k in db.entries if re.sub(r"[^a-z0-9]+", "-", k.lower()).strip("-") == slug), None)
        if key is None or key not in db.entries:
            continue
        entry = db.entries[key]
        f = {k.lower(): v for k, v in entry.fields.items()}
        title = f.get("title")
        if title is not None and f.get("subtitle"):
            title = title + ": " + f["subtitle"]
        if title is not None and f.get("titleaddon"):
            title = title + ". " + f["titleaddon"]
        compare(key, "citation_title", text(title), norm((meta.tags.get("citation_title") or [None])[0]))
        theirs = [" ".join(x for x in (text(" ".join(p.first_names + p.middle_names)), text(" ".join(p.prelast_names + p.last_names))) if x) for p in entry.persons.get("author", [])]
        ours = [norm(re.sub(r",\s*(Jr\.?|Sr\.?|I{1,3}|IV)$", "", a)) for a in meta.tags.get("citation_author", [])]
        compare(key, "citation_author", theirs, ours)
        compare(key, "citation_doi", norm(f.get("doi")), norm((meta.tags.get("citation_doi") or [None])[0]))

    total_agree = sum(v for k, v in agree.items() if k != "(entry)")
    total_differ = sum(v for k, v in differ.items() if k != "(entry)")
    compared = total_agree + total_differ
    name = bib.rsplit("/", 1)[-1]
    share = f"{100 * total_agree / compared:.1f}%" if compared else "-"
    print(f"| {name} | {len(db.entries)} / {len(csl)} | {compared} | {total_agree} | {total_differ} | {share} |")
    with open(details, "w", encoding="utf-8") as out:
        out.write(f"{name}: differences by field: {dict(differ)}\nagreements by field: {dict(agree)}\n\n")
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
