//! The kinds of elements the HTML standard's tree builder treats apart
//! (scopes, formatting, void, raw text, ...), by name.

pub(super) const SPECIAL: u32 = 1 << 0;
pub(super) const SCOPE: u32 = 1 << 1;
pub(super) const BUTTON: u32 = 1 << 2;
pub(super) const LIST: u32 = 1 << 3;
pub(super) const TABLE_SCOPE: u32 = 1 << 4;
pub(super) const HEADING: u32 = 1 << 5;
pub(super) const SECTION: u32 = 1 << 6;
pub(super) const ROW_OR_SECTION: u32 = 1 << 7;
pub(super) const CELL: u32 = 1 << 8;
pub(super) const FOREIGN: u32 = 1 << 9;
pub(super) const INTEGRATION: u32 = 1 << 10;
pub(super) const STOPS_LIST_ITEM: u32 = 1 << 11;
pub(super) const HTML_ELEMENT: u32 = 1 << 12;
pub(super) const CATEGORIES: usize = 13;
// Kinds with no positions tracked.
pub(super) const VOID: u32 = 1 << 16;
pub(super) const RAW: u32 = 1 << 17;
pub(super) const FORMATTING: u32 = 1 << 18;
pub(super) const P_CLOSER: u32 = 1 << 19;
pub(super) const MARKER: u32 = 1 << 20;
pub(super) const NO_RECONSTRUCT: u32 = 1 << 21;
pub(super) const BREAKOUT: u32 = 1 << 22;

/// Names the model treats specially, interned first so that their ids are
/// fixed (the constants below).
pub(super) const NAMED: &[&str] = &[
    "html", "head", "body", "p", "li", "dd", "dt", "a", "nobr", "button", "form", "option",
    "optgroup", "table", "caption", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th",
    "frameset", "br", "template", "select", "hr", "input", "keygen", "textarea", "script",
];
pub(super) const HTML: u32 = 0;
pub(super) const HEAD: u32 = 1;
pub(super) const BODY: u32 = 2;
pub(super) const P: u32 = 3;
pub(super) const LI: u32 = 4;
pub(super) const DD: u32 = 5;
pub(super) const DT: u32 = 6;
pub(super) const A: u32 = 7;
pub(super) const NOBR: u32 = 8;
pub(super) const BUTTON_ID: u32 = 9;
pub(super) const FORM: u32 = 10;
pub(super) const OPTION: u32 = 11;
pub(super) const OPTGROUP: u32 = 12;
pub(super) const TABLE: u32 = 13;
pub(super) const CAPTION: u32 = 14;
pub(super) const COLGROUP: u32 = 15;
pub(super) const TBODY: u32 = 16;
pub(super) const THEAD: u32 = 17;
pub(super) const TFOOT: u32 = 18;
pub(super) const TR: u32 = 19;
pub(super) const TD: u32 = 20;
pub(super) const TH: u32 = 21;
pub(super) const FRAMESET: u32 = 22;
pub(super) const BR: u32 = 23;
pub(super) const TEMPLATE: u32 = 24;
pub(super) const SELECT: u32 = 25;
pub(super) const HR: u32 = 26;
pub(super) const INPUT: u32 = 27;
pub(super) const KEYGEN: u32 = 28;
pub(super) const TEXTAREA: u32 = 29;
pub(super) const SCRIPT: u32 = 30;

/// The kinds of an element, by its (lowercase) name, from the HTML
/// standard's lists.
pub(super) fn flags_of(name: &str) -> u32 {
    // The longest name with a meaning here is "annotation-xml".
    if name.len() > 14 {
        return HTML_ELEMENT;
    }
    let mut f = HTML_ELEMENT;
    let is = |list: &[&str]| list.contains(&name);
    if is(&[
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
        "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]) {
        f |= VOID;
    }
    if is(&[
        "script",
        "style",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "textarea",
        "title",
        "plaintext",
    ]) {
        f |= RAW;
    }
    if is(&[
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt",
        "u",
    ]) {
        f |= FORMATTING;
    }
    let html_special = [
        "address",
        "applet",
        "area",
        "article",
        "aside",
        "base",
        "basefont",
        "bgsound",
        "blockquote",
        "body",
        "br",
        "button",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "dir",
        "div",
        "dl",
        "dt",
        "embed",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "iframe",
        "img",
        "input",
        "keygen",
        "li",
        "link",
        "listing",
        "main",
        "marquee",
        "menu",
        "meta",
        "nav",
        "noembed",
        "noframes",
        "noscript",
        "object",
        "ol",
        "p",
        "param",
        "plaintext",
        "pre",
        "script",
        "search",
        "section",
        "select",
        "source",
        "style",
        "summary",
        "table",
        "tbody",
        "td",
        "template",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "track",
        "ul",
        "wbr",
        "xmp",
    ];
    if is(&html_special) {
        f |= SPECIAL;
        if !is(&["address", "div", "p"]) {
            f |= STOPS_LIST_ITEM;
        }
    }
    if is(&[
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
    ]) {
        f |= SCOPE;
    }
    if name == "button" {
        f |= BUTTON;
    }
    if is(&["ol", "ul"]) {
        f |= LIST;
    }
    if is(&["html", "table", "template"]) {
        f |= TABLE_SCOPE;
    }
    let heading = ["h1", "h2", "h3", "h4", "h5", "h6"];
    if is(&heading) {
        f |= HEADING | P_CLOSER | NO_RECONSTRUCT;
    }
    if is(&["table", "tbody", "thead", "tfoot"]) {
        f |= SECTION | ROW_OR_SECTION;
    }
    if name == "tr" {
        f |= ROW_OR_SECTION;
    }
    if is(&["td", "th", "caption"]) {
        f |= CELL;
    }
    if is(&["svg", "math"]) {
        f |= FOREIGN;
    }
    if is(&[
        "applet", "marquee", "object", "td", "th", "caption", "template",
    ]) {
        f |= MARKER;
    }
    if is(&[
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "header",
        "hgroup",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "search",
        "section",
        "summary",
        "ul",
        "pre",
        "listing",
        "form",
        "plaintext",
        "xmp",
        "hr",
        "li",
        "dd",
        "dt",
    ]) {
        f |= P_CLOSER;
    }
    if f & P_CLOSER != 0
        || is(&[
            "html", "head", "body", "frameset", "table", "caption", "colgroup", "col", "tbody",
            "thead", "tfoot", "tr", "td", "th", "form", "textarea", "title", "script", "style",
            "meta", "link", "base", "basefont", "bgsound", "noframes", "template",
        ])
    {
        f |= NO_RECONSTRUCT;
    }
    if is(&[
        "b",
        "big",
        "blockquote",
        "body",
        "br",
        "center",
        "code",
        "dd",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "head",
        "hr",
        "i",
        "img",
        "li",
        "listing",
        "menu",
        "meta",
        "nobr",
        "ol",
        "p",
        "pre",
        "ruby",
        "s",
        "small",
        "span",
        "strong",
        "strike",
        "sub",
        "sup",
        "table",
        "tt",
        "u",
        "ul",
        "var",
    ]) || is(&heading)
    {
        f |= BREAKOUT;
    }
    f
}

/// The namespaces of elements.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    Html,
    Svg,
    MathMl,
}

/// The kinds of an SVG or MathML element, by its (lowercase) name: `svg`
/// and `math`, and the integration points that hold HTML again.
pub(super) fn foreign_flags(name: &str, ns: Ns) -> u32 {
    let integration = INTEGRATION | SCOPE | SPECIAL | STOPS_LIST_ITEM;
    match (name, ns) {
        ("svg" | "math", _) => FOREIGN,
        ("foreignobject" | "desc" | "title", Ns::Svg) => integration,
        ("mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml", Ns::MathMl) => integration,
        _ => 0,
    }
}
