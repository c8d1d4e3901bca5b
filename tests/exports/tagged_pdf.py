"""Reading a tagged PDF back with pypdf alone (no poppler), for the handout's tests: the
structure tree walked, every page's marked content parsed, and the two checked against
each other (ISO 32000-1 §14.7-14.8)."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject, IndirectObject

TEXT_SHOWING = {b"Tj", b"TJ", b"'", b'"'}


@dataclass
class Elem:
    role: str  # "/H1" ...
    depth: int  # 0: a kid of the Document
    obj: DictionaryObject
    ref: IndirectObject
    mcrs: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID)
    kids: list["Elem"] = field(default_factory=list)


@dataclass
class PageMarks:
    tags: dict[int, str]  # MCID -> the BDC's tag
    text: dict[int, str]  # MCID -> its text, lines joined by spaces
    artifact_text: list[str]


def _key(ref) -> tuple[int, int]:
    return (ref.idnum, ref.generation)


def structure(reader: PdfReader) -> list[Elem]:
    """The Document's descendants, depth first in tree (reading) order; asserts every
    element's /P points at its parent."""
    root_ref = reader.trailer["/Root"].raw_get("/StructTreeRoot")
    root = root_ref.get_object()
    assert root["/Type"] == "/StructTreeRoot"
    pages = {_key(p.indirect_reference): i for i, p in enumerate(reader.pages)}
    kids = root.raw_get("/K")
    kids = kids if isinstance(kids, list) else [kids]
    assert len(kids) == 1, "one Document element under the root"
    doc = kids[0].get_object()
    assert doc["/S"] == "/Document" and _key(doc.raw_get("/P")) == _key(root_ref)
    out: list[Elem] = []

    def visit(ref, parent_ref, depth, page, into):
        obj = ref.get_object()
        assert obj.get("/Type", "/StructElem") == "/StructElem"
        assert _key(obj.raw_get("/P")) == _key(parent_ref), "an element's /P is its parent"
        if "/Pg" in obj:
            page = pages[_key(obj.raw_get("/Pg"))]
        el = Elem(obj["/S"], depth, obj, ref)
        out.append(el)
        into.append(el)
        k = obj.raw_get("/K") if "/K" in obj else []
        for kid in (k if isinstance(k, list) else [k]):
            if isinstance(kid, int):
                assert page is not None, "an MCID without a page"
                el.mcrs.append((page, int(kid)))
                continue
            target = kid.get_object()
            if target.get("/Type") == "/MCR":
                pg = pages[_key(target.raw_get("/Pg"))] if "/Pg" in target else page
                el.mcrs.append((pg, int(target["/MCID"])))
            else:
                visit(kid, ref, depth + 1, page, el.kids)

    top: list[Elem] = []
    for kid in doc.raw_get("/K"):
        visit(kid, kids[0], 0, None, top)
    return out


def page_marks(reader: PdfReader, index: int) -> PageMarks:
    """A page's marked-content sequences, from its content stream; asserts every
    text-showing operator and every XObject lies inside one and BDC/EMC balance."""
    page = reader.pages[index]
    ops = ContentStream(page.get_contents(), reader).operations
    tags: dict[int, str] = {}
    depth = 0
    for operands, op in ops:
        if op in (b"BDC", b"BMC"):
            depth += 1
            if op == b"BDC" and isinstance(operands[1], dict) and "/MCID" in operands[1]:
                mcid = int(operands[1]["/MCID"])
                assert mcid not in tags, f"MCID {mcid} twice on page {index}"
                tags[mcid] = operands[0]
        elif op == b"EMC":
            depth -= 1
            assert depth >= 0, f"EMC without BDC on page {index}"
        elif op in TEXT_SHOWING or op == b"Do":
            assert depth > 0, f"{op!r} outside marked content on page {index}"
    assert depth == 0, f"marked content left open on page {index}"

    texts: dict[int, list[str]] = {}
    artifact: list[str] = []
    stack: list[object] = []

    def before(op, args, cm, tm):
        if op == b"BDC":
            props = args[1] if len(args) > 1 else {}
            stack.append(int(props["/MCID"]) if isinstance(props, dict) and "/MCID" in props
                         else args[0])
        elif op == b"BMC":
            stack.append(args[0])
        elif op == b"EMC" and stack:
            stack.pop()

    def text(t, cm, tm, font, size):
        if not t.strip() or not stack:
            return
        where = stack[-1]
        if where == "/Artifact":
            artifact.append(t.strip())
        elif isinstance(where, int):
            texts.setdefault(where, []).append(t.strip())

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return PageMarks(tags, {m: " ".join(t) for m, t in texts.items()}, artifact)


def parent_tree(reader: PdfReader) -> dict[int, list]:
    """The ParentTree number tree flattened: key -> its value (here: an array)."""
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    out: dict[int, list] = {}

    def walk(node):
        nums = node.get("/Nums", [])
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1].get_object() if hasattr(nums[i + 1], "get_object") \
                else nums[i + 1]
        for kid in node.get("/Kids", []):
            walk(kid.get_object())

    walk(root["/ParentTree"].get_object())
    return out


@dataclass
class Tagged:
    reader: PdfReader
    elements: list[Elem]
    marks: list[PageMarks]

    def text(self, el: Elem) -> str:
        """An element's text as assistive technology gets it: its /ActualText, else its
        own marked content then its kids', in order."""
        if "/ActualText" in el.obj:
            return str(el.obj["/ActualText"])
        own = [self.marks[p].text.get(m, "") for p, m in el.mcrs]
        return " ".join(t for t in own + [self.text(k) for k in el.kids] if t)

    def top(self) -> list[Elem]:
        return [e for e in self.elements if e.depth == 0]

    def roles(self, role: str) -> list[Elem]:
        return [e for e in self.elements if e.role == role]


def check_tagged(pdf: bytes) -> Tagged:
    """Everything a tagged PDF promises, checked; the parsed result for more checks."""
    reader = PdfReader(io.BytesIO(pdf))
    header = re.match(rb"%PDF-(\d)\.(\d)", pdf)
    assert header and (int(header[1]), int(header[2])) >= (1, 5), "tagged PDF, /Tabs: 1.5"
    catalog = reader.trailer["/Root"]
    for entry in ("/MarkInfo", "/StructTreeRoot", "/ViewerPreferences", "/Lang"):
        assert entry in catalog, f"no {entry} in the catalog"
    # (a pypdf BooleanObject equals the bool it holds, and is truthy even when false)
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", str(catalog["/Lang"]))
    elements = structure(reader)
    marks = [page_marks(reader, i) for i in range(len(reader.pages))]
    tree = parent_tree(reader)
    root = catalog["/StructTreeRoot"]
    claimed: dict[tuple[int, int], Elem] = {}
    for el in elements:
        for page, mcid in el.mcrs:
            assert (page, mcid) not in claimed, f"MCID {mcid} on page {page} claimed twice"
            claimed[(page, mcid)] = el
            tag = marks[page].tags.get(mcid)
            assert tag is not None, f"{el.role} claims MCID {mcid}, not on page {page}"
            assert tag == el.role, f"MCID {mcid} on page {page}: BDC {tag}, element {el.role}"
        if el.role == "/Figure":
            assert str(el.obj.get("/Alt", "")).strip(), "a Figure without /Alt"
    keys = set()
    for i, page in enumerate(reader.pages):
        assert page["/Tabs"] == "/S"
        key = int(page["/StructParents"])
        assert key not in keys
        keys.add(key)
        owners = tree[key]
        assert len(owners) == len(marks[i].tags), f"page {i}: ParentTree size"
        for mcid in marks[i].tags:
            assert (i, mcid) in claimed, f"page {i}: MCID {mcid} belongs to no element"
            assert _key(owners[mcid]) == _key(claimed[(i, mcid)].ref), \
                f"page {i}: ParentTree[{mcid}] is not the element that claims it"
    assert int(root["/ParentTreeNextKey"]) > max(tree, default=-1)
    return Tagged(reader, elements, marks)
