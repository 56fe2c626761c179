//! Where a corpus's store lives: `$XDG_DATA_HOME/crosscheck/` (else
//! `~/.local/share/crosscheck/`), one file per corpus named by a hash of
//! its inputs' canonical paths (so `crosscheck a b` and `crosscheck ./b a`
//! share one), `seeds.sqlite` for the bundled seeds; or the file a user
//! names with `--workspace`, which must not be an input or lie inside an
//! input folder (nothing is ever written into the corpus).

use super::StoreError;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// `$XDG_DATA_HOME/crosscheck`, else `$HOME/.local/share/crosscheck`
/// (relative values are ignored, as the XDG spec says).
pub fn data_dir() -> Option<PathBuf> {
    let absolute = |var: &str| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    absolute("XDG_DATA_HOME")
        .or_else(|| absolute("HOME").map(|h| h.join(".local").join("share")))
        .map(|d| d.join("crosscheck"))
}

/// A path made absolute and resolved where it exists; `-` (stdin) as is.
fn canonical(p: &Path) -> PathBuf {
    if p.as_os_str() == "-" {
        return p.to_path_buf();
    }
    std::fs::canonicalize(p).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    })
}

/// The corpus's name among the stores: `seeds` without inputs, else
/// `corpus-` and 16 hex digits of the SHA-256 of its sorted canonical
/// paths.
pub fn corpus_key(inputs: &[PathBuf]) -> String {
    if inputs.is_empty() {
        return "seeds".to_string();
    }
    let mut paths: Vec<PathBuf> = inputs.iter().map(|p| canonical(p)).collect();
    paths.sort();
    paths.dedup();
    let mut h = Sha256::new();
    for p in &paths {
        h.update(p.as_os_str().as_encoded_bytes());
        h.update([0]);
    }
    let digest = h.finalize();
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("corpus-{hex}")
}

/// The store for `inputs`: `workspace` when given (checked to lie outside
/// the inputs), else the corpus's file in [`data_dir`].
pub fn store_path(workspace: Option<&Path>, inputs: &[PathBuf]) -> Result<PathBuf, StoreError> {
    match workspace {
        Some(w) => {
            check_outside(w, inputs)?;
            Ok(w.to_path_buf())
        }
        None => {
            let dir = data_dir().ok_or(StoreError::NoDataDir)?;
            Ok(dir.join(format!("{}.sqlite", corpus_key(inputs))))
        }
    }
}

/// Refuses a workspace that is an input file or inside an input folder.
fn check_outside(workspace: &Path, inputs: &[PathBuf]) -> Result<(), StoreError> {
    // The file may not exist yet: resolve its folder.
    let w = match (workspace.parent(), workspace.file_name()) {
        (Some(dir), Some(name)) => {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            canonical(dir).join(name)
        }
        _ => canonical(workspace),
    };
    for input in inputs.iter().filter(|p| p.as_os_str() != "-") {
        let i = canonical(input);
        if w == i || w.starts_with(&i) {
            return Err(StoreError::InsideInput {
                path: workspace.to_path_buf(),
                input: input.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_key_per_set_of_paths_whatever_their_order_or_spelling() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        std::fs::write(&a, "x").unwrap();
        std::fs::write(&b, "y").unwrap();
        let dotted = dir.path().join(".").join("b.txt");
        let k = corpus_key(&[a.clone(), b.clone()]);
        assert_eq!(k, corpus_key(&[dotted, a.clone()]));
        assert_ne!(k, corpus_key(std::slice::from_ref(&a)));
        assert!(k.starts_with("corpus-") && k.len() == 7 + 16, "{k}");
        assert_eq!(corpus_key(&[]), "seeds");
    }

    #[test]
    fn a_workspace_inside_the_corpus_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("news");
        std::fs::create_dir(&corpus).unwrap();
        let inputs = [corpus.clone()];
        let inside = corpus.join("marks.sqlite");
        assert!(matches!(
            store_path(Some(&inside), &inputs),
            Err(StoreError::InsideInput { .. })
        ));
        let outside = dir.path().join("marks.sqlite");
        assert_eq!(store_path(Some(&outside), &inputs).unwrap(), outside);
    }
}
