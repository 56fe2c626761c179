//! A disposable cache of per-document results: one file per set of inputs
//! under `$XDG_CACHE_HOME/crosscheck/` (else `~/.cache/crosscheck/`),
//! holding an entry per document keyed by a hash of what the result is a
//! function of. Nothing in it is trusted: a file whose magic, format,
//! version or checksum does not match (corrupt, truncated, written by
//! another build) is ignored with one warning and rewritten.
//!
//! File layout, little-endian: magic (8 bytes), format (u32), the
//! version (u128: the caller's version and the running executable),
//! entry count (u64), the body's checksum (u128), then the body: per
//! entry its key (u128), length (u64) and bytes.

use rustc_hash::FxHashMap as HashMap;
use siphasher::sip128::{Hasher128, SipHasher13};
use std::hash::Hasher;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"XCHKCACH";
const FORMAT: u32 = 1;
const HEADER: usize = 8 + 4 + 16 + 8 + 16;

/// A 128-bit hash of byte strings, stable across runs and builds.
#[derive(Default)]
pub struct Key(SipHasher13);

impl Key {
    pub fn bytes(&mut self, b: &[u8]) -> &mut Self {
        // The length first, so ("ab", "c") and ("a", "bc") differ.
        self.0.write_u64(b.len() as u64);
        self.0.write(b);
        self
    }

    pub fn u64(&mut self, n: u64) -> &mut Self {
        self.0.write_u64(n);
        self
    }

    pub fn finish(&self) -> u128 {
        self.0.finish128().into()
    }
}

/// The folder caches go to: `$XDG_CACHE_HOME/crosscheck`, else
/// `$HOME/.cache/crosscheck` (relative values are ignored, as the XDG
/// specification asks); None when neither is set.
pub fn dir() -> Option<PathBuf> {
    let absolute = |v: std::ffi::OsString| {
        let p = PathBuf::from(v);
        p.is_absolute().then_some(p)
    };
    std::env::var_os("XDG_CACHE_HOME")
        .and_then(absolute)
        .or_else(|| {
            std::env::var_os("HOME")
                .and_then(absolute)
                .map(|h| h.join(".cache"))
        })
        .map(|d| d.join("crosscheck"))
}

/// A hash of the running executable (read once): a cache written by
/// another build is never read, even when its author forgot to change the
/// version.
fn executable() -> Option<u128> {
    static HASH: std::sync::OnceLock<Option<u128>> = std::sync::OnceLock::new();
    *HASH.get_or_init(|| {
        let bytes = std::fs::read(std::env::current_exe().ok()?).ok()?;
        Some(Key::default().bytes(&bytes).finish())
    })
}

/// The entries of one cache file, read whole.
pub struct Store {
    path: PathBuf,
    version: u128,
    buf: Vec<u8>,
    entries: HashMap<u128, Range<usize>>,
}

impl Store {
    /// Opens the cache file `name` in `dir` for results of `version`. An
    /// unusable file gives an empty store and the warning to print; a
    /// missing one gives an empty store and no warning. None when the
    /// running executable cannot be read (nothing could tell its caches
    /// from another build's).
    pub fn open(dir: &Path, name: &str, version: u32) -> Option<(Store, Option<String>)> {
        let exe = executable()?;
        let version = Key::default()
            .u64(u64::from(version))
            .u64(exe as u64)
            .u64((exe >> 64) as u64)
            .finish();
        let path = dir.join(name);
        let mut store = Store {
            path,
            version,
            buf: Vec::new(),
            entries: HashMap::default(),
        };
        let warning = match std::fs::read(&store.path) {
            Ok(buf) => match index(&buf, version) {
                Ok(entries) => {
                    store.buf = buf;
                    store.entries = entries;
                    None
                }
                Err(why) => Some(format!(
                    "ignoring the cache {} ({why}); it is rebuilt",
                    store.path.display()
                )),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => Some(format!(
                "ignoring the cache {} ({e}); it is rebuilt",
                store.path.display()
            )),
        };
        Some((store, warning))
    }

    /// The bytes stored under `key`.
    pub fn get(&self, key: u128) -> Option<&[u8]> {
        self.entries.get(&key).map(|r| &self.buf[r.clone()])
    }

    /// How many entries the file held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Replaces the file by `entries`, through a temporary file renamed
    /// over it, so a reader never sees half a file.
    pub fn save<'a>(&self, entries: impl Iterator<Item = (u128, &'a [u8])>) -> std::io::Result<()> {
        let mut body = Vec::new();
        let mut count = 0u64;
        for (key, bytes) in entries {
            body.extend_from_slice(&key.to_le_bytes());
            body.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            body.extend_from_slice(bytes);
            count += 1;
        }
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let tmp = self
            .path
            .with_extension(format!("tmp{}", std::process::id()));
        let written = (|| {
            let mut f = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
            f.write_all(MAGIC)?;
            f.write_all(&FORMAT.to_le_bytes())?;
            f.write_all(&self.version.to_le_bytes())?;
            f.write_all(&count.to_le_bytes())?;
            f.write_all(&Key::default().bytes(&body).finish().to_le_bytes())?;
            f.write_all(&body)?;
            f.into_inner().map_err(|e| e.into_error())?.sync_all()
        })();
        match written {
            Ok(()) => std::fs::rename(&tmp, &self.path),
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(e)
            }
        }
    }
}

/// The entries of a cache file, or why it cannot be used.
fn index(buf: &[u8], version: u128) -> Result<HashMap<u128, Range<usize>>, &'static str> {
    if buf.len() < HEADER || &buf[..8] != MAGIC {
        return Err("not a crosscheck cache");
    }
    let mut r = Reader::new(&buf[8..HEADER]);
    let (format, file_version, count, checksum) =
        (|| Some((r.u32()?, r.u128()?, r.u64()?, r.u128()?)))().ok_or("not a crosscheck cache")?;
    if format != FORMAT || file_version != version {
        return Err("written by another version");
    }
    let body = &buf[HEADER..];
    if Key::default().bytes(body).finish() != checksum {
        return Err("damaged or truncated");
    }
    let mut entries = HashMap::default();
    let mut r = Reader::new(body);
    for _ in 0..count {
        let key = r.u128().ok_or("damaged or truncated")?;
        let len = r.u64().ok_or("damaged or truncated")?;
        let start = HEADER + r.at;
        r.take(usize::try_from(len).map_err(|_| "damaged or truncated")?)
            .ok_or("damaged or truncated")?;
        entries.insert(key, start..HEADER + r.at);
    }
    if r.at != body.len() {
        return Err("damaged or truncated");
    }
    Ok(entries)
}

/// Writes the fields of an entry.
#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, n: u8) {
        self.buf.push(n);
    }

    pub fn u64(&mut self, n: u64) {
        self.buf.extend_from_slice(&n.to_le_bytes());
    }

    pub fn usize(&mut self, n: usize) {
        self.u64(n as u64);
    }

    pub fn f64(&mut self, n: f64) {
        self.u64(n.to_bits());
    }

    pub fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// None as 0, `Some(x)` as 1 and then `x`.
    pub fn opt<T>(&mut self, v: Option<T>, each: impl FnOnce(&mut Self, T)) {
        match v {
            None => self.u8(0),
            Some(x) => {
                self.u8(1);
                each(self, x);
            }
        }
    }
}

/// Reads what a [`Writer`] wrote; every read is None past the end.
pub struct Reader<'a> {
    buf: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, at: 0 }
    }

    /// How many bytes are left.
    pub fn left(&self) -> usize {
        self.buf.len() - self.at
    }

    /// Whether every byte was read.
    pub fn done(&self) -> bool {
        self.at == self.buf.len()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let b = self.buf.get(self.at..end)?;
        self.at = end;
        Some(b)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    pub fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.array()?))
    }

    fn u128(&mut self) -> Option<u128> {
        Some(u128::from_le_bytes(self.array()?))
    }

    pub fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }

    pub fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(self.u64()?))
    }

    pub fn str(&mut self) -> Option<&'a str> {
        let n = self.usize()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    /// A bool written as `u8`: 0 or 1, anything else is damage.
    pub fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    /// What [`Writer::opt`] wrote.
    pub fn opt<T>(&mut self, each: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.bool()? {
            each(self).map(Some)
        } else {
            Some(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(dir: &Path) -> (Store, Option<String>) {
        Store::open(dir, "t.bin", 1).unwrap()
    }

    #[test]
    fn entries_come_back_and_damage_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (store, warning) = open(dir.path());
        assert!(store.is_empty() && warning.is_none());
        store
            .save([(1u128, &b"one"[..]), (2, &b""[..])].into_iter())
            .unwrap();
        let (store, warning) = open(dir.path());
        assert_eq!(warning, None);
        assert_eq!(store.get(1), Some(&b"one"[..]));
        assert_eq!(store.get(2), Some(&b""[..]));
        assert_eq!(store.get(3), None);
        let path = dir.path().join("t.bin");
        let good = std::fs::read(&path).unwrap();
        // Every truncation and every flipped byte is refused.
        for cut in 0..good.len() {
            std::fs::write(&path, &good[..cut]).unwrap();
            let (store, warning) = open(dir.path());
            assert!(store.is_empty() && warning.is_some(), "cut at {cut}");
        }
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0x20;
            std::fs::write(&path, &bad).unwrap();
            let (store, warning) = open(dir.path());
            assert!(store.is_empty() && warning.is_some(), "byte {at}");
        }
        // Another version's file is refused too.
        std::fs::write(&path, &good).unwrap();
        let (store, warning) = Store::open(dir.path(), "t.bin", 2).unwrap();
        assert!(store.is_empty());
        assert!(warning.unwrap().contains("another version"));
    }

    #[test]
    fn reads_past_the_end_are_none() {
        let mut w = Writer::default();
        w.str("abc");
        w.opt(Some(2.5), Writer::f64);
        let mut r = Reader::new(&w.buf);
        assert_eq!(r.str(), Some("abc"));
        assert_eq!(r.opt(Reader::f64), Some(Some(2.5)));
        assert!(r.done());
        assert_eq!(r.u8(), None);
        let mut r = Reader::new(&w.buf[..5]);
        assert_eq!(r.str(), None);
    }
}
