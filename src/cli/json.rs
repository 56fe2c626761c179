//! JSON on stdout, exactly as `serde_json`'s pretty printer writes it, but
//! fast: one buffered write for a value, and for the per-document commands
//! an array streamed a chunk of files at a time, its records written by
//! hand where serde's byte-at-a-time escaping would cost.

use super::report_problems;

/// Writes JSON to stdout as one value.
/// Buffered: stdout is line-buffered, and pretty JSON of a large corpus has
/// millions of lines (one `write` call each without the buffer).
pub fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    // A serde_json error here is stdout's (or a value that cannot be JSON,
    // which ours never are); as an io::Error it keeps its kind.
    serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
        .map_err(super::stdout_error)
}

/// Files read and analyzed per step of [`print_json_analyzed`].
const CHUNK: usize = 512;

/// Strings at least this long that records repeat are held once (see
/// [`FlatObject::shared_str`]); shorter ones are copied, which is faster.
const SHARE_MIN: usize = 1024;

/// The records of one or more documents, as elements of the pretty JSON
/// array [`print_json_analyzed`] writes.
#[derive(Default)]
pub struct JsonElements {
    pub(super) buf: Vec<u8>,
    /// (offset in `buf`, index into `pieces`): a shared piece goes there.
    splices: Vec<(usize, usize)>,
    /// Escaped JSON strings that several records share, each held once.
    pieces: Vec<Vec<u8>>,
    /// The string the last piece was made of.
    last_shared: String,
}

impl JsonElements {
    /// Appends one array element: `,\n  ` and the value pretty-printed one
    /// level deep (the same bytes `serde_json` writes for a sequence).
    pub fn push(&mut self, value: &impl serde::Serialize) -> serde_json::Result<()> {
        self.buf.extend_from_slice(b",\n  ");
        let mut ser = serde_json::Serializer::with_formatter(&mut self.buf, InArray::default());
        value.serialize(&mut ser)
    }

    /// Appends one array element that is a flat object written by hand:
    /// the same bytes as [`push`](Self::push) of a struct with these fields,
    /// without serde_json's byte-at-a-time string escaping (an eighth of
    /// `figures --json`, whose records repeat whole sentences).
    pub fn object(&mut self, fields: impl FnOnce(&mut FlatObject)) {
        self.buf.extend_from_slice(b",\n  {");
        let mut object = FlatObject {
            out: self,
            empty: true,
        };
        fields(&mut object);
        let end: &[u8] = if object.empty { b"}" } else { b"\n  }" };
        self.buf.extend_from_slice(end);
    }

    /// The bytes from offset `skip` on, in pieces, in order: `buf` between
    /// the splices and the shared pieces at them.
    fn parts(&self, skip: usize) -> Vec<&[u8]> {
        let mut parts = Vec::with_capacity(2 * self.splices.len() + 1);
        let mut at = skip.min(self.buf.len());
        for &(offset, piece) in &self.splices {
            parts.push(&self.buf[at.min(offset)..offset]);
            parts.push(&self.pieces[piece][..]);
            at = at.max(offset);
        }
        parts.push(&self.buf[at..]);
        parts
    }

    /// The bytes held: `buf` and the shared pieces.
    #[cfg(test)]
    pub(super) fn held(&self) -> usize {
        self.buf.len() + self.pieces.iter().map(Vec::len).sum::<usize>()
    }

    /// Every byte, shared pieces written out.
    #[cfg(test)]
    pub(super) fn to_bytes(&self) -> Vec<u8> {
        self.parts(0).concat()
    }
}

/// The fields of an object being written by [`JsonElements::object`].
pub struct FlatObject<'a> {
    out: &'a mut JsonElements,
    empty: bool,
}

impl FlatObject<'_> {
    /// Keys are plain ASCII names: no escaping.
    fn key(&mut self, key: &str) {
        let buf = &mut self.out.buf;
        if !self.empty {
            buf.push(b',');
        }
        self.empty = false;
        // Fixed-size pieces compile to stores; each call to memcpy counts.
        buf.extend_from_slice(b"\n    \"");
        buf.extend_from_slice(key.as_bytes());
        buf.extend_from_slice(b"\": ");
    }

    fn string(&mut self, s: &str) {
        write_string(&mut self.out.buf, s);
    }

    /// As [`str`](Self::str), for a string that consecutive records repeat
    /// (each figure's sentence): a long one is escaped once and written out
    /// only as the elements are written to stdout, so a sentence of
    /// thousands of figures is held once, not once per figure.
    pub fn shared_str(&mut self, key: &str, value: &str) {
        if value.len() < SHARE_MIN {
            return self.str(key, value);
        }
        self.key(key);
        let out = &mut *self.out;
        if out.pieces.is_empty() || out.last_shared != value {
            let mut piece = Vec::with_capacity(value.len() + 2);
            write_string(&mut piece, value);
            out.pieces.push(piece);
            out.last_shared.clear();
            out.last_shared.push_str(value);
        }
        out.splices.push((out.buf.len(), out.pieces.len() - 1));
    }

    fn null(&mut self) {
        self.out.buf.extend_from_slice(b"null");
    }

    pub fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    pub fn opt_str(&mut self, key: &str, value: Option<&str>) {
        self.key(key);
        match value {
            Some(s) => self.string(s),
            None => self.null(),
        }
    }

    pub fn uint(&mut self, key: &str, value: usize) {
        use serde_json::ser::Formatter;
        self.key(key);
        serde_json::ser::CompactFormatter
            .write_u64(&mut self.out.buf, value as u64)
            .expect("writing to a Vec cannot fail");
    }

    pub fn float(&mut self, key: &str, value: f64) {
        self.opt_float(key, Some(value));
    }

    pub fn opt_float(&mut self, key: &str, value: Option<f64>) {
        use serde_json::ser::Formatter;
        self.key(key);
        match value {
            // As serde_json: NaN and infinities are null.
            Some(v) if v.is_finite() => serde_json::ser::CompactFormatter
                .write_f64(&mut self.out.buf, v)
                .expect("writing to a Vec cannot fail"),
            _ => self.null(),
        }
    }

    pub fn bool(&mut self, key: &str, value: bool) {
        self.key(key);
        let text: &[u8] = if value { b"true" } else { b"false" };
        self.out.buf.extend_from_slice(text);
    }
}

/// Appends `s` as a JSON string, escaped as `serde_json` escapes it.
fn write_string(buf: &mut Vec<u8>, s: &str) {
    // Check 16 bytes at a time without branching, so the check
    // vectorizes; strings that need escaping are rare and go to serde_json.
    let plain = s.as_bytes().chunks(16).all(|chunk| {
        !chunk.iter().fold(false, |esc, &b| {
            esc | (b < 0x20) | (b == b'"') | (b == b'\\')
        })
    });
    if plain {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    } else {
        serde_json::to_writer(&mut *buf, s).expect("writing to a Vec cannot fail");
    }
}

/// `serde_json`'s pretty formatter (two spaces a level) for a value that
/// sits one level deep, inside an array, so elements can be written apart
/// from their array and need no re-indenting.
struct InArray {
    level: usize,
    has_value: bool,
}

impl Default for InArray {
    fn default() -> InArray {
        InArray {
            level: 1,
            has_value: false,
        }
    }
}

impl InArray {
    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(c)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(w, false)?;
        }
        w.write_all(c)
    }

    fn newline<W: ?Sized + std::io::Write>(&self, w: &mut W, comma: bool) -> std::io::Result<()> {
        // ",\n" and the indentation in one write; records are never deep.
        const PAD: &[u8; 66] =
            b",\n                                                                ";
        let end = 2 + 2 * self.level;
        match PAD.get(usize::from(!comma)..end) {
            Some(pad) => w.write_all(pad),
            None => {
                w.write_all(if comma { b",\n" } else { b"\n" })?;
                (0..self.level).try_for_each(|_| w.write_all(b"  "))
            }
        }
    }
}

impl serde_json::ser::Formatter for InArray {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.newline(w, !first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.newline(w, !first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// One JSON array on stdout, written as it is made.
struct JsonArray {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    opened: bool,
    empty: bool,
}

impl JsonArray {
    fn new() -> JsonArray {
        JsonArray {
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
            opened: false,
            empty: true,
        }
    }

    /// Opens the array (once) and appends elements from [`JsonElements`].
    fn write(&mut self, elements: &JsonElements) -> std::io::Result<()> {
        use std::io::Write;
        if !self.opened {
            self.out.write_all(b"[")?;
            self.opened = true;
        }
        if !elements.buf.is_empty() {
            // The first element has no comma before it.
            let skip = usize::from(self.empty);
            for part in elements.parts(skip) {
                self.out.write_all(part)?;
            }
            self.empty = false;
        }
        Ok(())
    }

    fn finish(mut self) -> std::io::Result<()> {
        use std::io::Write;
        self.write(&JsonElements::default())?;
        self.out
            .write_all(if self.empty { b"]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}

/// Writes one JSON array to stdout, the same bytes as [`print_json`] of all
/// the records, but streams the corpus: files are read, analyzed (by
/// `analyze`) and turned into JSON a chunk at a time on the worker threads,
/// so a large corpus is never all in memory and the main thread only writes
/// bytes. `each` pushes the records of one document. Problems with files go
/// to stderr as they are met; with no document at all nothing is written and
/// it fails.
pub fn print_json_analyzed<A>(
    args: &crate::CorpusArgs,
    analyze: fn(&crosscheck::Document) -> A,
    each: &(dyn Fn(&crosscheck::Document, &A, &mut JsonElements) -> serde_json::Result<()> + Sync),
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    let elements = |d: &crosscheck::Document, out: &mut JsonElements| each(d, &analyze(d), out);
    let mut array = JsonArray::new();
    let Some(plan) = args.plan() else {
        let seeds = crosscheck::Corpus::seeds();
        let written: Vec<JsonElements> = seeds
            .documents
            .par_iter()
            .map(|d| {
                let mut out = JsonElements::default();
                elements(d, &mut out).map(|()| out)
            })
            .collect::<serde_json::Result<_>>()?;
        written
            .iter()
            .try_for_each(|b| array.write(b))
            .map_err(super::stdout_error)?;
        return array.finish().map_err(super::stdout_error);
    };
    let mut documents = 0;
    for start in (0..plan.len()).step_by(CHUNK) {
        let chunk = plan.read(start..plan.len().min(start + CHUNK), |loaded| {
            let mut out = JsonElements::default();
            for d in &loaded.documents {
                elements(d, &mut out)?;
            }
            serde_json::Result::Ok((out, loaded.documents.len(), loaded.problems))
        });
        for result in chunk {
            let (bytes, count, problems) = result?;
            report_problems(&problems);
            documents += count;
            if count > 0 {
                array.write(&bytes).map_err(super::stdout_error)?;
            }
        }
    }
    if documents == 0 {
        return Err(args.nothing_loaded());
    }
    array.finish().map_err(super::stdout_error)
}
