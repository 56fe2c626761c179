//! Coreference: the people a document names ([`collect_mentions`]), and the
//! document-wide [`Resolver`] that merges surnames into full names and resolves
//! pronouns and descriptions to the sources named before them.

use super::chunk::{Sent, is_cue_word, is_stop, pronoun};
use super::lexicon::{self, LEXICON as LEX, fold, w};
use super::names::{canonical_name, stays_one_word};
use super::shape::{Built, Shape};
use super::tokens::Tok;
use super::{Claimer, ClaimerKind};
use rustc_hash::{FxBuildHasher, FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::OnceCell;
use std::hash::BuildHasher;
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
    pub(super) gender: Option<Gender>,
}

/// What "he" and "she" can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Female,
    Male,
}

impl Gender {
    /// The gender of a folded word in the lexicon: a first name or a word for a
    /// person ("spokeswoman", "mrs.").
    fn of_word(folded: &str) -> Option<Gender> {
        let flags = LEX.flags(folded);
        if flags & w::FEMALE != 0 {
            Some(Gender::Female)
        } else if flags & w::MALE != 0 {
            Some(Gender::Male)
        } else {
            None
        }
    }

    /// The gender the lexicon gives a person: by the first word of a full name
    /// (a surname alone says nothing), else by a word of the role.
    pub(super) fn of_person(name: &str, role: Option<&str>) -> Option<Gender> {
        let mut words = name.split_whitespace();
        let first = words.next();
        if words.next().is_some()
            && let Some(g) = first.and_then(|f| Gender::of_word(&fold(f)))
        {
            return Some(g);
        }
        role?
            .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
            .find_map(|word| Gender::of_word(&fold(word)))
    }

    /// "he" or "she"; `None` for "they" and "it".
    fn of_pronoun(text: &str) -> Option<Gender> {
        match fold(text).as_str() {
            "she" => Some(Gender::Female),
            "he" => Some(Gender::Male),
            _ => None,
        }
    }
}

/// Pass 1 over a document: the people it names anywhere (with their titles), in
/// sentence `order`, for surname merging and pronoun and role-noun resolution.
pub(super) fn collect_mentions(sents: &[Sent], order: &[usize]) -> Resolver {
    let mut res = Resolver::default();
    let mut name_text = String::new();
    for &si in order {
        let st = &sents[si];
        let toks = st.toks;
        let mut person_seen = false;
        for k in 0..toks.len() {
            let t = &toks[k];
            if !(t.is_word() && t.cap) || toks.get(k + 1).is_some_and(|n| n.is_word() && n.cap) {
                continue;
            }
            let Some((a, b)) = st.left_np(k + 1, 0) else {
                continue;
            };
            let shape = st.shape(a, b);
            if let Some(Shape::Named {
                name,
                kind: ClaimerKind::Organisation,
                ..
            }) = shape
                && !name.lower_first
            {
                name_text.clear();
                st.name_into(name, &mut name_text);
                let name = res.canonical(&name_text);
                res.orgs.push(((si, k), name));
                continue;
            }
            if let Some(Shape::Named {
                name,
                role,
                kind: ClaimerKind::Person,
            }) = shape
            {
                // The first person named in its sentence, after at most an opening
                // phrase ("Recently, Nina Holt …"; not "according to Nina Holt",
                // "he told Nina Holt", "Nina Holt's aide"), and not one of a pair
                // ("Nina Holt and …"): the subject a later "he" or "she" most
                // likely means.
                let subject = !person_seen
                    && a.checked_sub(1)
                        .is_none_or(|p| !(toks[p].is_word() && is_stop(&toks[p])))
                    && !toks[b - 1].poss
                    && !toks[..a]
                        .iter()
                        .any(|t| pronoun(t).is_some() || is_cue_word(t))
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
                    // A lone word that names no one known ("Recently, …") is no
                    // person: the subject may come after it.
                    person_seen = true;
                    res.add_mention(Mention {
                        pos: (si, k),
                        name: full,
                        gender: None,
                        role: role.map(|(x, y)| st.text(x, y)),
                        subject,
                    });
                }
            }
        }
    }
    res
}

/// How many sentences back a description ("the agency") looks for the
/// organisation it stands for.
const DESCRIPTION_REACH: usize = 5;

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
    /// The lexicon's gender of each of `history`.
    history_gender: Vec<Option<Gender>>,
    /// Organisations named anywhere, by position, for descriptions ("the agency").
    orgs: Vec<((usize, usize), Rc<str>)>,
    /// Hashes of the words written capitalised somewhere other than first in
    /// their sentence: the words that can be names. Built on first need (few
    /// documents need it).
    capitalised: OnceCell<HashSet<u64>>,
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

    /// Can the capitalised first word of a sentence, `t`, followed by `next`, be
    /// a one-word name? Only if it is known (a first name, an alias, an
    /// acronym), a cue follows it ("Carlow said"), or it is capitalised
    /// elsewhere in `sents` too: "Facing criticism, …", "Asked whether …",
    /// "Giant screens …" are not.
    pub(super) fn may_be_name(&self, sents: &[Sent], t: &Tok, next: Option<&Tok>) -> bool {
        if t.acronym
            || t.base_in(w::FEMALE | w::MALE | w::GOVERNMENT | w::ORGANISATION)
            || next.is_some_and(|n| n.is_word() && n.lower_in(w::VERB | w::SKIPPABLE))
            || LEX.aliases.contains_key(t.base())
        {
            return true;
        }
        let capitalised = self.capitalised.get_or_init(|| {
            let mut set = HashSet::default();
            for st in sents {
                let mut words = st.toks.iter().filter(|t| t.is_word());
                words.next();
                set.extend(
                    words
                        .filter(|t| t.cap)
                        .map(|t| FxBuildHasher.hash_one(t.base())),
                );
            }
            set
        });
        capitalised.contains(&FxBuildHasher.hash_one(t.base()))
    }

    /// `c` spoke, named at `at` (sentence, token): a candidate for later pronouns
    /// and descriptions.
    pub(super) fn spoke(&mut self, c: Claimer, at: (usize, usize)) {
        let gender = (c.kind == ClaimerKind::Person)
            .then(|| Gender::of_person(&c.name, c.role.as_deref()))
            .flatten();
        self.history.push(c);
        self.history_at.push(at);
        self.history_gender.push(gender);
    }

    /// Can `he` or `she` (`want`) mean a person of lexicon gender `g`?
    fn fits(want: Option<Gender>, g: Option<Gender>) -> bool {
        want.is_none() || g.is_none_or(|g| Some(g) == want)
    }

    pub(super) fn add_mention(&mut self, mut m: Mention) {
        m.gender = Gender::of_person(&m.name, m.role.as_deref());
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

    /// The person "he", "she" or "the minister" most likely means: the nearest
    /// antecedent of gender `want`, the last speaker or a person named since
    /// as the subject of a sentence. Never a pair ("Jim Bennett and Sandy Paradis").
    fn nearest_person(&self, want: Option<Gender>, pos: (usize, usize)) -> Option<Claimer> {
        let one = |name: &str| !(name.contains(" and ") || name.contains(" & "));
        let spoke = self
            .history
            .iter()
            .zip(&self.history_at)
            .zip(&self.history_gender)
            .rev()
            .take(64)
            .find(|((c, _), g)| {
                c.kind == ClaimerKind::Person && one(&c.name) && Self::fits(want, **g)
            })
            .map(|(c, _)| c);
        let end = self.mentions.partition_point(|m| m.pos < pos);
        let named = self.mentions[..end]
            .iter()
            .rev()
            .take(64)
            .find(|m| m.subject && one(&m.name) && Self::fits(want, m.gender))
            .filter(|m| spoke.is_none_or(|(_, &at)| m.pos > at));
        match named {
            Some(m) => Some(self.person(&m.name, m.role.clone(), pos)),
            None => spoke.map(|(c, _)| c.clone()),
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
                let found = if person {
                    self.nearest_person(Gender::of_pronoun(&text), pos)?
                } else {
                    self.history
                        .iter()
                        .rev()
                        .take(64)
                        .find(|c| c.kind != ClaimerKind::Person)?
                        .clone()
                };
                Some((found, Some(text)))
            }
            Built::Description { phrase, written } => {
                // The nearest organisation named in the last few sentences, as a
                // speaker or anywhere: "the newspaper" is the outlet named last.
                let spoke = self
                    .history
                    .iter()
                    .zip(&self.history_at)
                    .rev()
                    .take(64)
                    .find(|(c, _)| {
                        c.kind == ClaimerKind::Organisation
                            && c.name.starts_with(char::is_uppercase)
                    })
                    .filter(|(_, at)| at.0 + DESCRIPTION_REACH >= pos.0);
                let end = self.orgs.partition_point(|(at, _)| *at < pos);
                let named = self.orgs[..end]
                    .last()
                    .filter(|(at, _)| at.0 + DESCRIPTION_REACH >= pos.0)
                    .filter(|(at, _)| spoke.is_none_or(|(_, s)| at > s));
                let found = match (named, spoke) {
                    (Some((_, name)), _) => Some(Claimer {
                        name: String::from(&**name),
                        role: None,
                        kind: ClaimerKind::Organisation,
                    }),
                    (None, Some((c, _))) => Some(c.clone()),
                    (None, None) => None,
                };
                Some(match found {
                    Some(mut c) => {
                        c.role.get_or_insert_with(|| phrase.clone());
                        (c, Some(written))
                    }
                    None => (
                        Claimer {
                            name: phrase,
                            role: None,
                            kind: ClaimerKind::Organisation,
                        },
                        None,
                    ),
                })
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
                        // Else the last person quoted, if no role of theirs
                        // says otherwise. (Not the nearest person named: a
                        // description that matches no role is as often someone
                        // new.)
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
