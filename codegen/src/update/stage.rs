//! Writing into the docs directory: every file staged beside its target first, then renamed into
//! place, and never outside the directory.

use std::path::{Component, Path, PathBuf};

use tempfile::{NamedTempFile, TempDir};

use crate::error::Error;

/// Where `file` (relative to `docs_dir`) really is: the path with symbolic links resolved, which
/// must be inside the docs directory. The file itself need not exist.
///
/// Refuses absolute paths, `..`, and links that lead out of the docs directory.
pub(super) fn resolve(docs_dir: &Path, file: &Path) -> Result<PathBuf, String> {
    if file.as_os_str().is_empty() {
        return Err("the file name is empty".to_owned());
    }
    for component in file.components() {
        match component {
            Component::Normal(_) | Component::CurDir => {}
            Component::ParentDir => {
                return Err(
                    "the path goes up with \"..\"; it must stay inside the docs directory"
                        .to_owned(),
                )
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(
                    "the path is absolute; it must be relative to the docs directory".to_owned(),
                )
            }
        }
    }
    let root = docs_dir
        .canonicalize()
        .map_err(|e| format!("cannot read the docs directory: {e}"))?;
    let path = docs_dir.join(file);
    let outside = || "a symbolic link leads outside the docs directory".to_owned();
    if path.symlink_metadata().is_ok() {
        let real = path
            .canonicalize()
            .map_err(|e| format!("cannot resolve the path: {e}"))?;
        if !real.starts_with(&root) {
            return Err(outside());
        }
        if real.is_dir() {
            return Err("the path is a directory".to_owned());
        }
        return Ok(real);
    }
    // A new file: its nearest existing folder must be inside; the folders below it are made.
    let mut existing = path.as_path();
    let mut missing = Vec::new();
    while existing.symlink_metadata().is_err() {
        let (Some(parent), Some(name)) = (existing.parent(), existing.file_name()) else {
            return Err("cannot resolve the path".to_owned());
        };
        missing.push(name);
        existing = parent;
    }
    let real = existing
        .canonicalize()
        .map_err(|e| format!("cannot resolve the path: {e}"))?;
    if !real.starts_with(&root) {
        return Err(outside());
    }
    if !real.is_dir() {
        return Err(format!("{} is not a directory", existing.display()));
    }
    Ok(missing
        .iter()
        .rev()
        .fold(real, |path, name| path.join(name)))
}

/// Replaces each `(file, contents)` (files relative to `dir`): all are written to temporary
/// files beside their targets first, then renamed into place, so that an error while writing
/// leaves `dir` as it was (temporary files are removed when dropped).
pub(super) fn replace_all(dir: &Path, files: &[(PathBuf, &[u8])]) -> Result<(), Error> {
    let mut staged = Vec::with_capacity(files.len());
    for (file, contents) in files {
        let shown = dir.join(file);
        let target = resolve(dir, file).map_err(|why| Error::in_file(&shown, why))?;
        let temporary = stage(&target, contents)
            .map_err(|e| Error::in_file(&shown, format!("cannot write: {e}")))?;
        staged.push((temporary, target, shown));
    }
    let mut replaced: Vec<String> = Vec::new();
    for (temporary, target, shown) in staged {
        if let Err(e) = temporary.persist(&target) {
            let also = match replaced.is_empty() {
                true => String::new(),
                false => format!(" (already replaced: {})", replaced.join(", ")),
            };
            return Err(Error::in_file(
                &shown,
                format!("cannot replace: {}{also}", e.error),
            ));
        }
        replaced.push(shown.display().to_string());
    }
    Ok(())
}

/// Writes `contents` to a temporary file in the folder of `target` (made if missing), with the
/// permissions of `target` where it exists.
fn stage(target: &Path, contents: &[u8]) -> std::io::Result<NamedTempFile> {
    use std::io::Write;
    let (Some(folder), Some(name)) = (target.parent(), target.file_name()) else {
        return Err(std::io::Error::other("no folder"));
    };
    std::fs::create_dir_all(folder)?;
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let mut temporary = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(folder)?;
    let permissions = match std::fs::metadata(target) {
        Ok(metadata) => Some(metadata.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(permissions) = permissions {
        temporary.as_file().set_permissions(permissions)?;
    }
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    Ok(temporary)
}

/// The permissions of a new file: temporary files are private (0600), a page is not.
#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Copies the directory `dir` (its files and folders, links followed) into a new temporary
/// directory.
pub(super) fn copy_dir(dir: &Path) -> Result<TempDir, Error> {
    let copy = tempfile::tempdir()
        .map_err(|e| Error::new(format!("cannot make a temporary directory: {e}")))?;
    copy_into(dir, copy.path(), 0)?;
    Ok(copy)
}

fn copy_into(from: &Path, to: &Path, depth: usize) -> Result<(), Error> {
    // Deeper than any docs directory: a link to a folder above it.
    const MAX_DEPTH: usize = 32;
    if depth > MAX_DEPTH {
        return Err(Error::in_file(
            from,
            "cannot copy: folders nested too deep (a symbolic link loop?)",
        ));
    }
    let entries =
        std::fs::read_dir(from).map_err(|e| Error::in_file(from, format!("cannot read: {e}")))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::in_file(from, format!("cannot read: {e}")))?;
        let source = entry.path();
        let target = to.join(entry.file_name());
        let metadata = std::fs::metadata(&source)
            .map_err(|e| Error::in_file(&source, format!("cannot read: {e}")))?;
        if metadata.is_dir() {
            std::fs::create_dir(&target)
                .map_err(|e| Error::in_file(&target, format!("cannot make the folder: {e}")))?;
            copy_into(&source, &target, depth + 1)?;
        } else if metadata.is_file() {
            std::fs::copy(&source, &target)
                .map_err(|e| Error::in_file(&source, format!("cannot copy: {e}")))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_stays_inside_the_docs_directory() {
        let docs = tempfile::tempdir().unwrap();
        std::fs::create_dir(docs.path().join("pages")).unwrap();
        std::fs::write(docs.path().join("pages/cdn.md"), "x").unwrap();
        let root = docs.path().canonicalize().unwrap();
        let ok = |file: &str| resolve(docs.path(), Path::new(file));
        assert_eq!(ok("pages/cdn.md"), Ok(root.join("pages/cdn.md")));
        assert_eq!(ok("./pages/new.md"), Ok(root.join("pages/new.md")));
        assert_eq!(
            ok("center/sub/export.json"),
            Ok(root.join("center/sub/export.json"))
        );
        assert_eq!(
            ok("../cdn.md"),
            Err("the path goes up with \"..\"; it must stay inside the docs directory".to_owned())
        );
        assert_eq!(
            ok("pages/../../cdn.md"),
            Err("the path goes up with \"..\"; it must stay inside the docs directory".to_owned())
        );
        assert_eq!(
            ok("/etc/passwd"),
            Err("the path is absolute; it must be relative to the docs directory".to_owned())
        );
        assert_eq!(ok("pages"), Err("the path is a directory".to_owned()));
        assert_eq!(ok(""), Err("the file name is empty".to_owned()));
        assert_eq!(
            ok("pages/cdn.md/x"),
            Err(format!(
                "{} is not a directory",
                docs.path().join("pages/cdn.md").display()
            ))
        );
    }

    #[cfg(unix)]
    #[test]
    fn resolve_follows_links_only_inside() {
        let outside = tempfile::tempdir().unwrap();
        let docs = tempfile::tempdir().unwrap();
        let root = docs.path().canonicalize().unwrap();
        std::fs::write(docs.path().join("real.md"), "x").unwrap();
        std::os::unix::fs::symlink("real.md", docs.path().join("inward.md")).unwrap();
        std::os::unix::fs::symlink(outside.path(), docs.path().join("out")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("f.md"), docs.path().join("dangling.md"))
            .unwrap();
        let ok = |file: &str| resolve(docs.path(), Path::new(file));
        assert_eq!(ok("inward.md"), Ok(root.join("real.md")));
        let outside_message = Err("a symbolic link leads outside the docs directory".to_owned());
        assert_eq!(ok("out/page.md"), outside_message);
        std::fs::write(outside.path().join("page.md"), "x").unwrap();
        assert_eq!(ok("out/page.md"), outside_message);
        assert!(ok("dangling.md").is_err_and(|e| e.starts_with("cannot resolve the path: ")));
    }

    #[test]
    fn replace_all_writes_every_file_and_leaves_no_temporary() {
        let docs = tempfile::tempdir().unwrap();
        std::fs::write(docs.path().join("a.md"), "old").unwrap();
        replace_all(
            docs.path(),
            &[
                (PathBuf::from("a.md"), b"new a".as_slice()),
                (PathBuf::from("new/b.md"), b"new b".as_slice()),
            ],
        )
        .unwrap();
        assert_eq!(std::fs::read(docs.path().join("a.md")).unwrap(), b"new a");
        assert_eq!(
            std::fs::read(docs.path().join("new/b.md")).unwrap(),
            b"new b"
        );
        let names: Vec<_> = std::fs::read_dir(docs.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn replace_all_keeps_permissions_and_makes_new_files_readable() {
        use std::os::unix::fs::PermissionsExt;
        let docs = tempfile::tempdir().unwrap();
        let a = docs.path().join("a.md");
        std::fs::write(&a, "old").unwrap();
        std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o640)).unwrap();
        replace_all(
            docs.path(),
            &[
                (PathBuf::from("a.md"), b"new".as_slice()),
                (PathBuf::from("b.md"), b"new".as_slice()),
            ],
        )
        .unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&a), 0o640);
        assert_eq!(mode(&docs.path().join("b.md")), 0o644);
    }

    #[test]
    fn a_refused_file_writes_nothing() {
        let docs = tempfile::tempdir().unwrap();
        std::fs::write(docs.path().join("a.md"), "old").unwrap();
        let error = replace_all(
            docs.path(),
            &[
                (PathBuf::from("a.md"), b"new".as_slice()),
                (PathBuf::from("../b.md"), b"new".as_slice()),
            ],
        )
        .unwrap_err();
        assert_eq!(
            error.message(),
            "the path goes up with \"..\"; it must stay inside the docs directory"
        );
        assert_eq!(std::fs::read(docs.path().join("a.md")).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(docs.path()).unwrap().count(), 1);
    }
}
