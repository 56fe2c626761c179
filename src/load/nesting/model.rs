//! A model of the HTML tree builder's stack of open elements and list of
//! active formatting elements: how deep each start tag would nest.

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

use super::elements::*;

/// What to do with a start tag.
pub(super) enum Decision {
    Keep,
    /// Keep it; the element's text is raw (script, style, ...) and follows.
    Raw,
    Drop(Why),
}

pub(super) enum Why {
    Depth,
    Formatting,
}

#[derive(Clone, Copy)]
pub(super) struct Open {
    id: u32,
    /// Tells this element from one opened later at the same position.
    serial: u32,
}

/// An entry of the list of active formatting elements.
#[derive(Clone, Copy)]
pub(super) enum Active {
    /// Opened by a cell, caption, object, ...: reopening stops here.
    Marker,
    Element {
        id: u32,
        /// Hash of the start tag's attributes: three alike are the most
        /// the list keeps (the standard's "Noah's Ark" clause).
        attributes: u64,
        position: u32,
        serial: u32,
    },
}

pub(super) struct Model {
    /// Ids of names, by namespace.
    ids: [FxHashMap<Box<[u8]>, u32>; 3],
    /// Namespace of each id.
    namespaces: Vec<Ns>,
    flags: Vec<u32>,
    stack: Vec<Open>,
    /// Positions on the stack of each name's open elements.
    by_name: Vec<Vec<u32>>,
    /// Positions on the stack of each category's open elements.
    by_category: [Vec<u32>; CATEGORIES],
    active: Vec<Active>,
    serial: u32,
    /// The ids names share past [`MAX_NAMES`].
    overflow: Vec<u32>,
    max_depth: usize,
    max_formatting: usize,
    /// The most elements the stack has held.
    pub(super) deepest: usize,
}

/// Distinct tag names given an id of their own.
pub(super) const MAX_NAMES: usize = 16_384;
/// Ids shared by the names past [`MAX_NAMES`].
pub(super) const OVERFLOW_IDS: u64 = 1024;

/// The topmost of some positions, or -1.
pub(super) fn top(positions: &[u32]) -> i64 {
    positions.last().map_or(-1, |&p| i64::from(p))
}

pub(super) fn category(bit: u32) -> usize {
    bit.trailing_zeros() as usize
}

impl Model {
    pub(super) fn new(max_depth: usize, max_formatting: usize) -> Model {
        let mut model = Model {
            ids: Default::default(),
            namespaces: Vec::new(),
            flags: Vec::new(),
            stack: Vec::new(),
            by_name: Vec::new(),
            by_category: Default::default(),
            active: Vec::new(),
            serial: 0,
            overflow: Vec::new(),
            max_depth,
            max_formatting,
            deepest: 0,
        };
        for name in NAMED {
            model.intern(name.as_bytes(), Ns::Html);
        }
        model
    }

    /// The id of a tag name in a namespace, case folded as the tokenizer
    /// does (a `td` or `title` inside an `svg` is not the HTML one). Past
    /// [`MAX_NAMES`] distinct names, new names without a special meaning
    /// share [`OVERFLOW_IDS`] ids by hash, so that a page of made-up names
    /// cannot make the table as large as the page.
    pub(super) fn intern(&mut self, name: &[u8], ns: Ns) -> u32 {
        let ids = &mut self.ids[ns as usize];
        if let Some(&id) = ids.get(name) {
            return id;
        }
        let lower = name.to_ascii_lowercase();
        if let Some(&id) = ids.get(lower.as_slice()) {
            // Remember this spelling too: one lookup next time.
            if ids.len() < MAX_NAMES {
                ids.insert(name.into(), id);
            }
            return id;
        }
        let lossy = String::from_utf8_lossy(&lower);
        let flags = match ns {
            Ns::Html => flags_of(&lossy),
            _ => foreign_flags(&lossy, ns),
        };
        if self.flags.len() >= MAX_NAMES && flags & !HTML_ELEMENT == 0 {
            let mut h = FxHasher::default();
            h.write(&lower);
            let bucket = (h.finish() % OVERFLOW_IDS) as usize * 3 + ns as usize;
            if self.overflow.is_empty() {
                self.overflow = (0..OVERFLOW_IDS)
                    .flat_map(|_| [Ns::Html, Ns::Svg, Ns::MathMl])
                    .map(|ns| {
                        let flags = if ns == Ns::Html { HTML_ELEMENT } else { 0 };
                        self.new_id(flags, ns)
                    })
                    .collect();
            }
            return self.overflow[bucket];
        }
        let id = self.new_id(flags, ns);
        let ids = &mut self.ids[ns as usize];
        if name != lower.as_slice() {
            ids.insert(name.into(), id);
        }
        ids.insert(lower.into(), id);
        id
    }

    pub(super) fn new_id(&mut self, flags: u32, ns: Ns) -> u32 {
        let id = self.flags.len() as u32;
        self.flags.push(flags);
        self.namespaces.push(ns);
        self.by_name.push(Vec::new());
        id
    }

    pub(super) fn flags(&self, id: u32) -> u32 {
        self.flags[id as usize]
    }

    pub(super) fn name_top(&self, id: u32) -> i64 {
        top(&self.by_name[id as usize])
    }

    pub(super) fn category_top(&self, bit: u32) -> i64 {
        top(&self.by_category[category(bit)])
    }

    /// The position of the topmost open `id` if it is in the scope that the
    /// default boundaries plus `extra` (category bits) close.
    pub(super) fn in_scope(&self, id: u32, extra: u32) -> Option<usize> {
        let mut boundary = self.category_top(SCOPE);
        for bit in [BUTTON, LIST] {
            if extra & bit != 0 {
                boundary = boundary.max(self.category_top(bit));
            }
        }
        let at = self.name_top(id);
        (at >= 0 && at >= boundary).then_some(at as usize)
    }

    /// The position of the topmost open `id` if it is in table scope.
    pub(super) fn in_table_scope(&self, id: u32) -> Option<usize> {
        let at = self.name_top(id);
        (at >= 0 && at >= self.category_top(TABLE_SCOPE)).then_some(at as usize)
    }

    /// The namespace of the current node.
    pub(super) fn current_ns(&self) -> Ns {
        self.top_id()
            .map_or(Ns::Html, |id| self.namespaces[id as usize])
    }

    /// Inside SVG or MathML (and not back in HTML through an integration
    /// point such as `foreignObject`).
    pub(super) fn in_foreign(&self) -> bool {
        self.category_top(FOREIGN) > self.category_top(INTEGRATION)
    }

    /// Inside a `select`, where the parser takes options and little else.
    pub(super) fn in_select(&self) -> bool {
        let at = self.name_top(SELECT);
        at >= 0 && at > self.name_top(TEMPLATE)
    }

    pub(super) fn top_id(&self) -> Option<u32> {
        self.stack.last().map(|open| open.id)
    }

    /// Closes the open `select`.
    pub(super) fn end_select(&mut self) {
        let at = self.name_top(SELECT);
        if at >= 0 {
            self.truncate(at as usize);
        }
    }

    /// A start tag inside a `select`; `None` when it ends the select and
    /// goes on as if outside it.
    pub(super) fn start_in_select(&mut self, id: u32) -> Option<Decision> {
        // "In select in table": the select stands in a table or any part
        // of one (a caption or cell inside a template has no table above).
        let in_table = [TABLE, CAPTION, TBODY, THEAD, TFOOT, TR, TD, TH]
            .iter()
            .any(|&part| self.name_top(part) >= 0);
        match id {
            OPTION | OPTGROUP | HR => {
                if self.top_id() == Some(OPTION) {
                    self.pop();
                }
                if id != OPTION && self.top_id() == Some(OPTGROUP) {
                    self.pop();
                }
                if id != HR {
                    self.push(id);
                }
                Some(Decision::Keep)
            }
            SELECT => {
                self.end_select();
                Some(Decision::Keep)
            }
            INPUT | KEYGEN | TEXTAREA => {
                self.end_select();
                None
            }
            CAPTION | TABLE | TBODY | TFOOT | THEAD | TR | TD | TH if in_table => {
                self.end_select();
                None
            }
            SCRIPT | TEMPLATE => None,
            // Anything else is ignored.
            _ => Some(Decision::Keep),
        }
    }

    /// An end tag inside a `select`.
    pub(super) fn end_in_select(&mut self, id: u32) {
        match id {
            OPTGROUP => {
                let below = self.stack.len().checked_sub(2).map(|i| self.id_at(i));
                if self.top_id() == Some(OPTION) && below == Some(OPTGROUP) {
                    self.pop();
                }
                if self.top_id() == Some(OPTGROUP) {
                    self.pop();
                }
            }
            OPTION if self.top_id() == Some(OPTION) => self.pop(),
            SELECT => self.end_select(),
            CAPTION | TABLE | TBODY | TFOOT | THEAD | TR | TD | TH
                if self.in_table_scope(id).is_some() =>
            {
                self.end_select();
                self.end_html(id);
            }
            TEMPLATE => self.end_template(),
            _ => {}
        }
    }

    /// Closes the open `template`, in whatever scope.
    pub(super) fn end_template(&mut self) {
        let at = self.name_top(TEMPLATE);
        if at >= 0 {
            self.truncate(at as usize);
            self.clear_to_marker();
        }
    }

    pub(super) fn id_at(&self, position: usize) -> u32 {
        self.stack[position].id
    }

    pub(super) fn push(&mut self, id: u32) -> (u32, u32) {
        let position = self.stack.len() as u32;
        self.deepest = self.deepest.max(self.stack.len() + 1);
        self.serial = self.serial.wrapping_add(1);
        self.stack.push(Open {
            id,
            serial: self.serial,
        });
        self.by_name[id as usize].push(position);
        let flags = self.flags(id);
        for (c, positions) in self.by_category.iter_mut().enumerate() {
            if flags & (1 << c) != 0 {
                positions.push(position);
            }
        }
        if flags & MARKER != 0 {
            self.active.push(Active::Marker);
        }
        (position, self.serial)
    }

    pub(super) fn pop(&mut self) {
        let Some(open) = self.stack.pop() else { return };
        self.by_name[open.id as usize].pop();
        let flags = self.flags(open.id);
        for (c, positions) in self.by_category.iter_mut().enumerate() {
            if flags & (1 << c) != 0 {
                positions.pop();
            }
        }
    }

    /// Forgets the formatting opened since the last marker, as ending a
    /// cell, caption, object or template does. (Elements closed any other
    /// way leave their marker in the list, as in the parser.)
    pub(super) fn clear_to_marker(&mut self) {
        while let Some(entry) = self.active.pop() {
            if matches!(entry, Active::Marker) {
                break;
            }
        }
    }

    /// Closes the element at `position` and what is inside it, for a table
    /// tag: closing a cell or caption on the way clears the formatting
    /// opened in it.
    pub(super) fn truncate_table(&mut self, position: usize) {
        let closes_cell = self.category_top(CELL) >= position as i64;
        self.truncate(position);
        if closes_cell {
            self.clear_to_marker();
        }
    }

    /// Closes the element at `position` and everything opened inside it.
    pub(super) fn truncate(&mut self, position: usize) {
        while self.stack.len() > position {
            self.pop();
        }
    }

    pub(super) fn is_open(&self, position: u32, serial: u32) -> bool {
        self.stack
            .get(position as usize)
            .is_some_and(|open| open.serial == serial)
    }

    /// Index of the first entry of the formatting list after its last
    /// marker.
    pub(super) fn after_marker(&self) -> usize {
        self.active
            .iter()
            .rposition(|e| matches!(e, Active::Marker))
            .map_or(0, |i| i + 1)
    }

    /// The last entry for `id` after the last marker.
    pub(super) fn active_entry(&self, id: u32) -> Option<usize> {
        let from = self.after_marker();
        (from..self.active.len())
            .rev()
            .find(|&i| matches!(self.active[i], Active::Element { id: e, .. } if e == id))
    }

    /// Reopens the formatting elements cut off by a block, as the parser
    /// does before text and most start tags.
    pub(super) fn reconstruct(&mut self) {
        let mut from = self.active.len();
        while from > 0 {
            match self.active[from - 1] {
                Active::Marker => break,
                Active::Element {
                    position, serial, ..
                } if self.is_open(position, serial) => break,
                Active::Element { .. } => from -= 1,
            }
        }
        for i in from..self.active.len() {
            if let Active::Element { id, attributes, .. } = self.active[i] {
                let (position, serial) = self.push(id);
                self.active[i] = Active::Element {
                    id,
                    attributes,
                    position,
                    serial,
                };
            }
        }
    }

    /// Text: reopens cut-off formatting.
    pub(super) fn text(&mut self) {
        if !self.active.is_empty() {
            self.reconstruct();
        }
    }

    /// The end of a formatting element (the standard's adoption agency,
    /// as far as it changes the depth). False when `id` has no entry in the
    /// formatting list: then it ends as any other element.
    pub(super) fn adopt(&mut self, id: u32) -> bool {
        let Some(index) = self.active_entry(id) else {
            return false;
        };
        let Active::Element {
            position, serial, ..
        } = self.active[index]
        else {
            return false;
        };
        if !self.is_open(position, serial) {
            self.active.remove(index);
            return true;
        }
        let position = position as usize;
        if self.in_scope_at(position) {
            if self.category_top(SPECIAL) > position as i64 {
                // A block opened inside it: the parser moves the block
                // out and a copy of the formatting element into it, which
                // leaves the depth as it was.
                return true;
            }
            self.truncate(position);
            self.active.remove(index);
        }
        true
    }

    pub(super) fn in_scope_at(&self, position: usize) -> bool {
        position as i64 >= self.category_top(SCOPE)
    }

    /// Ends the topmost open `id` unless a special element is opened inside
    /// it (the standard's "any other end tag").
    pub(super) fn end_other(&mut self, id: u32) {
        let at = self.name_top(id);
        if at >= 0 && at > self.category_top(SPECIAL) {
            self.truncate(at as usize);
        }
    }

    pub(super) fn end_tag(&mut self, name: &[u8]) {
        if self.in_foreign() {
            let id = self.intern(name, self.current_ns());
            let at = self.name_top(id);
            if at >= 0 && at > self.category_top(HTML_ELEMENT) {
                self.truncate(at as usize);
                return;
            }
        }
        let id = self.intern(name, Ns::Html);
        self.end_html(id);
    }

    pub(super) fn end_html(&mut self, id: u32) {
        let flags = self.flags(id);
        if self.in_select() {
            self.end_in_select(id);
            return;
        }
        match id {
            // `</form>` takes the form out of the stack but leaves what was
            // opened inside it open; here the form stays, one level too
            // many, until its parent ends.
            HTML | HEAD | BODY | BR | FORM => {}
            TEMPLATE => self.end_template(),
            P => {
                if let Some(at) = self.in_scope(P, BUTTON) {
                    self.truncate(at);
                }
            }
            LI => {
                if let Some(at) = self.in_scope(LI, LIST) {
                    self.truncate(at);
                }
            }
            TABLE | CAPTION | COLGROUP | TBODY | THEAD | TFOOT | TR | TD | TH => {
                if let Some(at) = self.in_table_scope(id) {
                    self.truncate_table(at);
                }
            }
            _ if flags & HEADING != 0 => {
                let at = self.category_top(HEADING);
                if at >= 0 && at >= self.category_top(SCOPE) {
                    self.truncate(at as usize);
                }
            }
            _ if flags & FORMATTING != 0 => {
                if !self.adopt(id) {
                    self.end_other(id);
                }
            }
            _ if flags & SPECIAL != 0 => {
                if let Some(at) = self.in_scope(id, 0) {
                    self.truncate(at);
                    if flags & MARKER != 0 {
                        self.clear_to_marker();
                    }
                }
            }
            _ => self.end_other(id),
        }
    }

    /// Where a start tag of `id` closes the stack to (its implied end tags),
    /// and the elements it implies before itself; `None` if the parser
    /// ignores the tag.
    pub(super) fn implied(&self, id: u32) -> Option<(usize, &'static [u32])> {
        let flags = self.flags(id);
        let mut cut = self.stack.len();
        let top_is = |cut: usize, ids: &[u32]| cut > 0 && ids.contains(&self.id_at(cut - 1));
        if flags & P_CLOSER != 0
            && let Some(at) = self.in_scope(P, BUTTON)
        {
            cut = cut.min(at);
        }
        let mut implied: &'static [u32] = &[];
        match id {
            LI | DD | DT => {
                let stop = self.category_top(STOPS_LIST_ITEM);
                let closes: &[u32] = if id == LI { &[LI] } else { &[DD, DT] };
                if stop >= 0 && closes.contains(&self.id_at(stop as usize)) {
                    cut = cut.min(stop as usize);
                }
            }
            BUTTON_ID => {
                if let Some(at) = self.in_scope(BUTTON_ID, 0) {
                    cut = cut.min(at);
                }
            }
            OPTION if top_is(cut, &[OPTION]) => cut -= 1,
            OPTGROUP => {
                if top_is(cut, &[OPTION]) {
                    cut -= 1;
                }
                if top_is(cut, &[OPTGROUP]) {
                    cut -= 1;
                }
            }
            FORM if !self.by_name[FORM as usize].is_empty() => return None,
            TABLE => {
                // A table straight inside a table (not in a cell) ends it.
                if self.category_top(ROW_OR_SECTION) > self.category_top(CELL)
                    && let Some(at) = self.in_table_scope(TABLE)
                {
                    cut = cut.min(at);
                }
            }
            // Straight inside a template, parts of a table are elements
            // like any other.
            CAPTION | COLGROUP | TBODY | THEAD | TFOOT | TR | TD | TH
                if self.in_table_scope(TABLE).is_none() =>
            {
                let scope = self.category_top(TABLE_SCOPE);
                if scope < 0 || self.id_at(scope as usize) != TEMPLATE {
                    return None;
                }
            }
            CAPTION | COLGROUP | TBODY | THEAD | TFOOT => {
                let at = self.in_table_scope(TABLE)?;
                cut = cut.min(at + 1);
            }
            TR => {
                let at = self.category_top(SECTION) as usize;
                cut = cut.min(at + 1);
                if self.id_at(at) == TABLE {
                    implied = &[TBODY];
                }
            }
            TD | TH => {
                let at = self.category_top(ROW_OR_SECTION) as usize;
                cut = cut.min(at + 1);
                implied = match self.id_at(at) {
                    TABLE => &[TBODY, TR],
                    TR => &[],
                    _ => &[TR],
                };
            }
            _ if flags & HEADING != 0
                && cut > 0
                && self.flags(self.id_at(cut - 1)) & HEADING != 0 =>
            {
                cut -= 1;
            }
            _ => {}
        }
        Some((cut, implied))
    }

    /// Room in the formatting list for one more `id` with these
    /// attributes: `Ok` with the entry it pushes out (three alike are the
    /// most kept), or `Err` when [`Model::max_formatting`] are open.
    pub(super) fn formatting_slot(&self, id: u32, attributes: &[u8]) -> Result<Option<usize>, ()> {
        let from = self.after_marker();
        let hash = attributes_hash(attributes);
        let mut alike = (from..self.active.len()).filter(|&i| {
            matches!(self.active[i], Active::Element { id: e, attributes: h, .. }
                if e == id && h == hash)
        });
        let first = alike.next();
        if first.is_some() && alike.count() >= 2 {
            Ok(first)
        } else if self.active.len() - from >= self.max_formatting {
            Err(())
        } else {
            Ok(None)
        }
    }

    pub(super) fn start_tag(
        &mut self,
        name: &[u8],
        self_closing: bool,
        attributes: &[u8],
    ) -> Decision {
        let foreign = self.in_foreign();
        let mut id = self.intern(name, Ns::Html);
        let mut html_flags = self.flags(id);
        if foreign && name.eq_ignore_ascii_case(b"font") && font_breaks_out(attributes) {
            html_flags |= BREAKOUT;
        }
        if foreign && html_flags & BREAKOUT == 0 {
            // A child of the current SVG or MathML element, in its namespace
            // (an `svg` in a MathML `annotation-xml` starts SVG).
            let current = self.top_id().unwrap_or(HTML);
            let ns = if name.eq_ignore_ascii_case(b"svg") && self.flags(current) & INTEGRATION != 0
            {
                Ns::Svg
            } else {
                self.current_ns()
            };
            id = self.intern(name, ns);
        } else if !foreign && html_flags & FOREIGN != 0 {
            let ns = if name.eq_ignore_ascii_case(b"svg") {
                Ns::Svg
            } else {
                Ns::MathMl
            };
            id = self.intern(name, ns);
        }
        let flags = self.flags(id);
        let mut broke_out = false;
        if foreign {
            if html_flags & BREAKOUT == 0 {
                if self_closing {
                    return Decision::Keep;
                }
                if self.stack.len() >= self.max_depth {
                    return Decision::Drop(Why::Depth);
                }
                self.push(id);
                return Decision::Keep;
            }
            // An HTML element ends the SVG or MathML it appears in, back to
            // the HTML element or integration point that holds it: unless it
            // is left out, so it is decided first.
            if flags & FORMATTING != 0
                && !(id == NOBR && self.in_scope(NOBR, 0).is_some())
                && self.formatting_slot(id, attributes).is_err()
            {
                return Decision::Drop(Why::Formatting);
            }
            broke_out = true;
            let holder = self
                .category_top(HTML_ELEMENT)
                .max(self.category_top(INTEGRATION));
            self.truncate((holder + 1) as usize);
        } else if self.in_select()
            && let Some(decision) = self.start_in_select(id)
        {
            return decision;
        } else if flags & FOREIGN != 0 && self_closing {
            return Decision::Keep;
        }
        if flags & RAW != 0 {
            return Decision::Raw;
        }
        if flags & VOID != 0 || matches!(id, HTML | HEAD | BODY | FRAMESET) {
            if flags & NO_RECONSTRUCT == 0 {
                self.reconstruct();
            }
            return Decision::Keep;
        }
        let Some((cut, implied)) = self.implied(id) else {
            return Decision::Keep;
        };
        // An `a` (or `nobr`) ends the one still open first.
        let adopts = match id {
            A => self.active_entry(A).is_some(),
            NOBR => self.in_scope(NOBR, 0).is_some(),
            _ => false,
        };
        // A tag that closes elements is kept: left out, it would not close
        // them in the parser either.
        let closes = cut < self.stack.len() || adopts || broke_out;
        if !closes && self.stack.len() >= self.max_depth {
            return Decision::Drop(Why::Depth);
        }
        let mut evicts = None;
        if flags & FORMATTING != 0 && !adopts {
            match self.formatting_slot(id, attributes) {
                Ok(evict) => evicts = evict,
                Err(()) => return Decision::Drop(Why::Formatting),
            }
        }
        // Kept: the tag does to the stack what the parser will do.
        if adopts {
            self.adopt(id);
            if id == A
                && let Some(index) = self.active_entry(A)
            {
                self.active.remove(index);
            }
        }
        self.truncate_table(cut.min(self.stack.len()));
        if flags & NO_RECONSTRUCT == 0 {
            self.reconstruct();
        }
        for &implied in implied {
            self.push(implied);
        }
        let (position, serial) = self.push(id);
        if flags & FORMATTING != 0 {
            if let Some(index) = evicts {
                self.active.remove(index);
            }
            self.active.push(Active::Element {
                id,
                attributes: attributes_hash(attributes),
                position,
                serial,
            });
        }
        Decision::Keep
    }
}

/// A `font` with `color`, `face` or `size` is HTML even inside SVG.
pub(super) fn font_breaks_out(attributes: &[u8]) -> bool {
    let lower = attributes.to_ascii_lowercase();
    [&b"color"[..], b"face", b"size"]
        .iter()
        .any(|name| memchr::memmem::find(&lower, name).is_some())
}

pub(super) fn attributes_hash(attributes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(attributes.trim_ascii());
    h.finish()
}
