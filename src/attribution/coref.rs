//! Coreference: the people a document names ([`collect_mentions`]), and the
//! document-wide [`Resolver`] that merges surnames into full names and resolves
//! pronouns and descriptions to the sources named before them.

use super::chunk::Sent;
use super::lexicon::{self, fold};
use super::names::{canonical_name, stays_one_word};
use super::shape::{Built, Shape};
use super::{Claimer, ClaimerKind};
use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;
/// A person named in the document, for surname merging and role lookup.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) pos: (usize, usize),
    pub(super) name: String,
    pub(super) role: Option<String>,
    /// Named first in its sentence (nothing but quotes and marks before it):
    /// the subject a later "he" or "she" most likely means.
    pub(super) subject: bool,
}

/// Pass 1 over a document: the people it names anywhere (with their titles), in
/// sentence `order`, for surname merging and pronoun and role-noun resolution.
pub(super) fn collect_mentions(sents: &[Sent], order: &[usize]) -> Resolver {
    let mut res = Resolver::default();
    let mut name_text = String::new();
    for &si in order {
        let st = &sents[si];
        let toks = st.toks;
        for k in 0..toks.len() {
            let t = &toks[k];
            if !(t.is_word() && t.cap) || toks.get(k + 1).is_some_and(|n| n.is_word() && n.cap) {
                continue;
            }
            let Some((a, b)) = st.left_np(k + 1, 0) else {
                continue;
            };
            if let Some(Shape::Named {
                name,
                role,
                kind: ClaimerKind::Person,
            }) = st.shape(a, b)
            {
                // First in its sentence, and not one of a pair ("Nina Holt and …").
                let subject = toks[..a].iter().all(|t| !t.is_word())
                    && toks
                        .get(b)
                        .is_none_or(|t| !matches!(t.lower, "and" | "&" | "or"));
                // Most one-word names can't become a full name: skip building them,
                // unless they are a sentence's subject ("Carlow said", with
                // "Ben Carlow" named before).
                let one_word =
                    name.b == name.a + 1 && !name.lower_first && stays_one_word(&toks[name.a]);
                if one_word && !subject {
                    continue;
                }
                name_text.clear();
                st.name_into(name, &mut name_text);
                let name = res.canonical(&name_text);
                let full = if name.contains(' ') {
                    Some(String::from(&*name))
                } else if subject {
                    res.full_name(&name, (si, k)).map(str::to_owned)
                } else {
                    None
                };
                if let Some(full) = full {
                    res.add_mention(Mention {
                        pos: (si, k),
                        name: full,
                        role: role.map(|(x, y)| st.text(x, y)),
                        subject,
                    });
                }
            }
        }
    }
    res
}

/// Most names [`Resolver::canonical`] remembers across documents, per thread.
const CANONICAL_MEMO: usize = 1 << 14;

thread_local! {
    /// `canonical_name` of names seen by this thread (it is a pure function).
    static CANONICAL: std::cell::RefCell<HashMap<String, Rc<str>>> =
        std::cell::RefCell::new(HashMap::default());
}

/// Doc-wide resolution state.
#[derive(Default)]
pub(super) struct Resolver {
    mentions: Vec<Mention>,
    by_last: HashMap<String, Vec<usize>>,
    pub(super) roles: HashMap<String, String>,
    pub(super) history: Vec<Claimer>,
    /// Where each of `history` was named: (sentence, token).
    pub(super) history_at: Vec<(usize, usize)>,
    /// Scratch for folding a surname to look it up in `by_last` without
    /// allocating a key each time (most lookups hit an existing entry, or miss).
    fold_buf: std::cell::RefCell<String>,
}

impl Resolver {
    /// [`canonical_name`], remembered: a document names the same people again
    /// and again, and documents of one story name the same people.
    pub(super) fn canonical(&self, name: &str) -> Rc<str> {
        CANONICAL
            .try_with(|memo| {
                if let Some(c) = memo.borrow().get(name) {
                    return c.clone();
                }
                let c: Rc<str> = canonical_name(name).into();
                let mut memo = memo.borrow_mut();
                // Bounded: a long run over many stories doesn't grow it forever.
                if memo.len() >= CANONICAL_MEMO {
                    memo.clear();
                }
                memo.insert(name.to_owned(), c.clone());
                c
            })
            .unwrap_or_else(|_| canonical_name(name).into())
    }

    pub(super) fn add_mention(&mut self, m: Mention) {
        if let Some(last) = m.name.split_whitespace().last() {
            let key = self.fold_buf.get_mut();
            key.clear();
            lexicon::fold_into(last, key);
            let at = self.mentions.len();
            // An owned key only for a surname seen for the first time.
            match self.by_last.get_mut(key.as_str()) {
                Some(ids) => ids.push(at),
                None => {
                    self.by_last.insert(key.clone(), vec![at]);
                }
            }
        }
        if let Some(r) = &m.role
            && !self.roles.contains_key(&m.name)
        {
            self.roles.insert(m.name.clone(), r.clone());
        }
        self.mentions.push(m);
    }

    /// Full name for a surname-only mention at `pos`: the latest earlier full name
    /// ending in it, else the first later one.
    pub(super) fn full_name(&self, surname: &str, pos: (usize, usize)) -> Option<&str> {
        let ids = {
            let mut key = self.fold_buf.borrow_mut();
            key.clear();
            lexicon::fold_into(surname, &mut key);
            self.by_last.get(key.as_str())?
        };
        let cands = ids
            .iter()
            .map(|&i| &self.mentions[i])
            .filter(|m| m.name.contains(' '));
        let mut before = None;
        let mut after = None;
        for m in cands {
            if m.pos < pos {
                before = Some(m);
            } else if after.is_none() {
                after = Some(m);
            }
        }
        before.or(after).map(|m| m.name.as_str())
    }

    fn role_matches(role: &str, title: &str, head: &str) -> bool {
        let r = fold(role);
        r.contains(title) || r.split(|c: char| !c.is_alphanumeric()).any(|w| w == head)
    }

    fn person(&self, name: &str, role: Option<String>, pos: (usize, usize)) -> Claimer {
        let canonical = self.canonical(name);
        let name = if !canonical.contains(' ')
            && let Some(full) = self.full_name(&canonical, pos)
        {
            full.to_owned()
        } else {
            String::from(&*canonical)
        };
        let role = role.or_else(|| self.roles.get(&name).cloned());
        Claimer {
            name,
            role,
            kind: ClaimerKind::Person,
        }
    }

    /// Resolve a built phrase into a claimer (and what it was resolved from).
    pub(super) fn resolve(
        &mut self,
        built: Built,
        appos: Option<String>,
        pos: (usize, usize),
    ) -> Option<(Claimer, Option<String>)> {
        match built {
            Built::Named { name, role, kind } => {
                let c = match kind {
                    ClaimerKind::Person => self.person(&name, appos.or(role), pos),
                    ClaimerKind::Report => Claimer {
                        name,
                        role: appos.or(role),
                        kind,
                    },
                    _ => Claimer {
                        name: String::from(&*self.canonical(&name)),
                        role: appos.or(role),
                        kind,
                    },
                };
                Some((c, None))
            }
            Built::Pronoun { text, person } => {
                // "he" is one person: never "Jim Bennett and Sandy Paradis".
                let one = |name: &str| !(name.contains(" and ") || name.contains(" & "));
                let spoke = self
                    .history
                    .iter()
                    .zip(&self.history_at)
                    .rev()
                    .take(64)
                    .find(|(c, _)| {
                        (c.kind == ClaimerKind::Person) == person && (!person || one(&c.name))
                    });
                // The nearest antecedent: the last speaker, or a person named
                // since as the subject of a sentence.
                let named = if person {
                    let end = self.mentions.partition_point(|m| m.pos < pos);
                    self.mentions[..end]
                        .iter()
                        .rev()
                        .take(64)
                        .find(|m| m.subject && one(&m.name))
                        .filter(|m| spoke.is_none_or(|(_, &at)| m.pos > at))
                } else {
                    None
                };
                let found = match named {
                    Some(m) => self.person(&m.name, m.role.clone(), pos),
                    None => spoke?.0.clone(),
                };
                Some((found, Some(text)))
            }
            Built::RoleRef {
                phrase,
                written,
                title,
                head,
                definite,
                possessive,
            } => {
                if definite {
                    let hit = self
                        .history
                        .iter()
                        .rev()
                        .take(64)
                        .find(|c| {
                            c.kind == ClaimerKind::Person
                                && c.role
                                    .as_deref()
                                    .is_some_and(|r| Self::role_matches(r, &title, &head))
                        })
                        .cloned()
                        .or_else(|| {
                            self.mentions
                                .iter()
                                .rev()
                                .filter(|m| m.pos < pos)
                                .take(256)
                                .find(|m| {
                                    m.role
                                        .as_deref()
                                        .is_some_and(|r| Self::role_matches(r, &title, &head))
                                })
                                .map(|m| self.person(&m.name, m.role.clone(), pos))
                        })
                        .or_else(|| {
                            self.history
                                .iter()
                                .rev()
                                .find(|c| c.kind == ClaimerKind::Person)
                                .filter(|c| c.role.is_none())
                                .cloned()
                        });
                    if let Some(c) = hit {
                        return Some((c, Some(written)));
                    }
                } else if possessive {
                    let title_words = title.split_whitespace().count();
                    let hit = self
                        .mentions
                        .iter()
                        .filter(|m| {
                            m.role
                                .as_deref()
                                .is_some_and(|r| title_words >= 2 && fold(r).contains(&title))
                        })
                        .min_by_key(|m| (m.pos < pos, m.pos))
                        .map(|m| self.person(&m.name, m.role.clone(), pos));
                    if let Some(c) = hit {
                        return Some((c, Some(written)));
                    }
                }
                Some((
                    Claimer {
                        name: phrase.clone(),
                        role: Some(phrase),
                        kind: ClaimerKind::Person,
                    },
                    None,
                ))
            }
        }
    }
}
