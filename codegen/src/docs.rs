//! Loading a docs set: the manifest and every page's table.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use crate::error::{Error, Warning};
use crate::manifest::{Manifest, PageSource, MANIFEST_FILE};
use crate::read::{self, Cells, PageTable, Row};

/// One product page and its table, in page order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The page's manifest entry.
    pub source: PageSource,
    /// The page's path: the docs directory joined with its `file`.
    pub path: PathBuf,
    /// The table's rows, in page order.
    pub rows: Vec<Row>,
}

impl Page {
    /// The product's API service name.
    pub fn product(&self) -> &str {
        &self.source.product
    }

    /// The locale of the page's table.
    pub fn locale(&self) -> &str {
        &self.source.locale
    }

    /// The row of `code`, if the page documents it.
    pub fn row(&self, code: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.code == code)
    }
}

/// A docs directory, read: the manifest and every page's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Docs {
    /// The directory, as given.
    pub dir: PathBuf,
    /// The manifest.
    pub manifest: Manifest,
    /// The pages, in manifest order.
    pub pages: Vec<Page>,
    /// Problems that do not stop the build (empty descriptions), in page order.
    pub warnings: Vec<Warning>,
}

impl Docs {
    /// Reads the manifest of `dir` and the table of every page it lists.
    ///
    /// Fails on the first page that cannot be read, naming the file (and line).
    pub fn load(dir: &Path) -> Result<Docs, Error> {
        let manifest = Manifest::load(dir)?;
        let read_page = |source: &PageSource| {
            let path = dir.join(&source.file);
            // The format first: a file of another kind is often not text at all.
            read::Format::of(&path)?;
            let text = read::read_source(&path)?;
            let table = read::read_table(&path, &text)?;
            Ok((path, table))
        };
        // Pages are independent: read them on every core, in manifest-order chunks, so that
        // the first error reported is the first in the manifest whatever the thread timing.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = manifest.pages.len().div_ceil(threads).max(1);
        let tables = std::thread::scope(|scope| {
            let workers: Vec<_> = manifest
                .pages
                .chunks(chunk)
                .map(|pages| scope.spawn(move || pages.iter().map(read_page).collect::<Vec<_>>()))
                .collect();
            workers
                .into_iter()
                .flat_map(|worker| {
                    worker
                        .join()
                        .unwrap_or_else(|p| std::panic::resume_unwind(p))
                })
                .collect::<Result<Vec<(PathBuf, PageTable)>, Error>>()
        })?;
        Docs::from_tables(dir, manifest, tables)
    }

    /// Builds a docs set from tables already read, in manifest order: splits the run-together
    /// rows with the codes of the other pages of the same locale and checks every page's rows.
    pub fn from_tables(
        dir: &Path,
        manifest: Manifest,
        tables: Vec<(PathBuf, PageTable)>,
    ) -> Result<Docs, Error> {
        // The codes each locale's separated pages document, to split the run-together ones by.
        let mut known: BTreeMap<&str, HashSet<&str>> = BTreeMap::new();
        for (source, (_, table)) in manifest.pages.iter().zip(&tables) {
            let codes = known.entry(source.locale.as_str()).or_default();
            if let Cells::Separate(rows) = &table.cells {
                codes.extend(rows.iter().map(|r| r.code.as_str()));
            }
        }
        let unsplittable: Vec<String> = manifest
            .pages
            .iter()
            .zip(&tables)
            .filter(|(source, (_, table))| {
                matches!(table.cells, Cells::RunTogether(_))
                    && known[source.locale.as_str()].is_empty()
            })
            .map(|(_, (path, _))| path.display().to_string())
            .collect();
        if !unsplittable.is_empty() {
            return Err(Error::new(format!(
                "{}: the cells of every row run together, and no other page of the same locale \
                 lists its codes apart to split them by",
                unsplittable.join(", ")
            )));
        }

        let mut pages = Vec::with_capacity(tables.len());
        let mut warnings = Vec::new();
        for (source, (path, table)) in manifest.pages.iter().zip(&tables) {
            let rows = match &table.cells {
                Cells::Separate(rows) => rows.clone(),
                Cells::RunTogether(raw) => {
                    read::split_run_together(path, raw, &known[source.locale.as_str()])?
                }
            };
            warnings.extend(read::check_rows(path, &rows, table.header_line)?);
            pages.push(Page {
                source: source.clone(),
                path: path.clone(),
                rows,
            });
        }
        Ok(Docs {
            dir: dir.to_path_buf(),
            manifest,
            pages,
            warnings,
        })
    }

    /// Every file the docs set was read from: the manifest, then the pages.
    pub fn files(&self) -> Vec<PathBuf> {
        std::iter::once(self.dir.join(MANIFEST_FILE))
            .chain(self.pages.iter().map(|p| p.path.clone()))
            .collect()
    }
}
