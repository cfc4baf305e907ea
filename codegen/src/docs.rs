//! Loading a docs set: the manifest, every page's tables and every Error Center export.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use crate::agreement::TableKind;
use crate::error::{Error, Warning};
use crate::files::{read_confined, MAX_SOURCE_BYTES};
use crate::locale::Locale;
use crate::manifest::{normalize_file, ErrorCenterSource, Manifest, PageSource, MANIFEST_FILE};
use crate::read::error_center::{read_export, ErrorCenterEntry};
use crate::read::{self, Cells, PageTables, Row};

/// One documentation page and its tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The page's manifest entry.
    pub source: PageSource,
    /// The page's file relative to the docs directory, normalized (`pages/cdn.txt`).
    pub file: String,
    /// The page's path: the docs directory joined with its file.
    pub path: PathBuf,
    /// The Common Error Codes table, in page order.
    pub common: Vec<Row>,
    /// The product's own table, in page order, if the page has one.
    pub product: Option<Vec<Row>>,
    /// Later rows of a code a table already lists, with another text (the first row is the
    /// table's).
    pub duplicates: Vec<(TableKind, Row)>,
}

impl Page {
    /// The product's API service name.
    pub fn product(&self) -> &str {
        &self.source.product
    }

    /// The locale of the page's tables.
    pub fn locale(&self) -> Locale {
        self.source.locale
    }

    /// The rows of one of the page's tables (none for a product table the page lacks).
    pub fn rows(&self, table: TableKind) -> &[Row] {
        match table {
            TableKind::Common => &self.common,
            TableKind::Product => self.product.as_deref().unwrap_or_default(),
        }
    }
}

/// An Error Center export and its entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorCenter {
    /// The export's manifest entry.
    pub source: ErrorCenterSource,
    /// The file relative to the docs directory, normalized.
    pub file: String,
    /// The export's path.
    pub path: PathBuf,
    /// The entries, in file order.
    pub entries: Vec<ErrorCenterEntry>,
}

/// A docs directory, read: the manifest, every page's tables and every export's entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Docs {
    /// The directory, as given.
    pub dir: PathBuf,
    /// The manifest.
    pub manifest: Manifest,
    /// The pages, in manifest order.
    pub pages: Vec<Page>,
    /// The Error Center exports, in manifest order.
    pub error_centers: Vec<ErrorCenter>,
    /// Problems that do not stop the build (empty descriptions, export entries left out), in
    /// source order.
    pub warnings: Vec<Warning>,
}

impl Docs {
    /// Reads the manifest of `dir` and every source it lists.
    ///
    /// Fails on the first source that cannot be read, naming the file (and line).
    pub fn load(dir: &Path) -> Result<Docs, Error> {
        Docs::load_with(dir, Manifest::load(dir)?)
    }

    /// Reads the docs set in `dir` as it is before an update that adds sources: the entries
    /// whose file does not exist yet are left out.
    pub fn load_present(dir: &Path) -> Result<Docs, Error> {
        let mut manifest = Manifest::load(dir)?;
        let exists = |file: &str| normalize_file(file).map_or(true, |f| dir.join(f).exists());
        manifest.pages.retain(|p| exists(&p.file));
        manifest.error_center.retain(|e| exists(&e.file));
        Docs::load_with(dir, manifest)
    }

    fn load_with(dir: &Path, manifest: Manifest) -> Result<Docs, Error> {
        // Two entries can name one file through a symbolic link: one source, listed twice.
        let mut resolved: std::collections::HashMap<PathBuf, String> = Default::default();
        let mut check_alias = |file: &str| -> Result<(), Error> {
            let path = dir.join(file);
            let real = crate::files::resolve_confined(dir, &path)?;
            match resolved.get(&real) {
                Some(first) => Err(Error::in_file(
                    &path,
                    format!("is the same file as {first} (through a symbolic link): list it once"),
                )),
                None => {
                    resolved.insert(real, file.to_owned());
                    Ok(())
                }
            }
        };
        let mut tables = Vec::with_capacity(manifest.pages.len());
        for source in &manifest.pages {
            let file = normalize_file(&source.file).map_err(Error::new)?;
            check_alias(&file)?;
            let path = dir.join(&file);
            // The format first: a file of another kind is often not text at all.
            read::Format::of(&path)?;
            let text = read::decode(&path, read_confined(dir, &file, MAX_SOURCE_BYTES)?)?;
            tables.push((file, path.clone(), read::read_page(&path, &text)?));
        }
        let mut error_centers = Vec::with_capacity(manifest.error_center.len());
        let mut warnings = Vec::new();
        for source in &manifest.error_center {
            let file = normalize_file(&source.file).map_err(Error::new)?;
            check_alias(&file)?;
            let path = dir.join(&file);
            let text = read::decode(&path, read_confined(dir, &file, MAX_SOURCE_BYTES)?)?;
            let export = read_export(&path, &text)?;
            warnings.extend(export.warnings);
            error_centers.push(ErrorCenter {
                source: source.clone(),
                file,
                path,
                entries: export.entries,
            });
        }
        let mut docs = Docs::from_tables(dir, manifest, tables)?;
        docs.error_centers = error_centers;
        docs.warnings.extend(warnings);
        Ok(docs)
    }

    /// Builds a docs set from page tables already read, in manifest order (`(file, path,
    /// tables)` per page): splits the run-together rows with the codes of the other pages of the
    /// same locale and checks every table's rows. Error Center exports are left empty.
    pub fn from_tables(
        dir: &Path,
        manifest: Manifest,
        tables: Vec<(String, PathBuf, PageTables)>,
    ) -> Result<Docs, Error> {
        // The codes each locale's separated pages document, to split the run-together ones by.
        let mut known: BTreeMap<Locale, HashSet<&str>> = BTreeMap::new();
        for (source, (_, _, tables)) in manifest.pages.iter().zip(&tables) {
            let codes = known.entry(source.locale).or_default();
            if let Cells::Separate(rows) = &tables.common.cells {
                codes.extend(rows.iter().map(|r| r.code.as_str()));
            }
        }
        let unsplittable: Vec<String> = manifest
            .pages
            .iter()
            .zip(&tables)
            .filter(|(source, (_, _, tables))| {
                matches!(tables.common.cells, Cells::RunTogether(_))
                    && known[&source.locale].is_empty()
            })
            .map(|(_, (_, path, _))| path.display().to_string())
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
        for (source, (file, path, tables)) in manifest.pages.iter().zip(&tables) {
            let rows = |table: &read::PageTable| -> Result<Vec<Row>, Error> {
                match &table.cells {
                    Cells::Separate(rows) => Ok(rows.clone()),
                    Cells::RunTogether(raw) => {
                        read::split_run_together(path, raw, &known[&source.locale])
                    }
                }
            };
            let common = read::check_rows(
                path,
                rows(&tables.common)?,
                tables.common.header_line,
                "Common Error Codes",
            )?;
            warnings.extend(common.warnings);
            let mut duplicates: Vec<(TableKind, Row)> = common
                .duplicates
                .into_iter()
                .map(|row| (TableKind::Common, row))
                .collect();
            let product = match &tables.product {
                Some(table) => {
                    let checked =
                        read::check_rows(path, rows(table)?, table.header_line, "product")?;
                    warnings.extend(checked.warnings);
                    duplicates.extend(
                        checked
                            .duplicates
                            .into_iter()
                            .map(|row| (TableKind::Product, row)),
                    );
                    Some(checked.rows)
                }
                None => None,
            };
            pages.push(Page {
                source: source.clone(),
                file: file.clone(),
                path: path.clone(),
                common: common.rows,
                product,
                duplicates,
            });
        }
        Ok(Docs {
            dir: dir.to_path_buf(),
            manifest,
            pages,
            error_centers: Vec::new(),
            warnings,
        })
    }

    /// Every file the docs set was read from: the manifest, the pages, then the exports.
    pub fn files(&self) -> Vec<PathBuf> {
        std::iter::once(self.dir.join(MANIFEST_FILE))
            .chain(self.pages.iter().map(|p| p.path.clone()))
            .chain(self.error_centers.iter().map(|e| e.path.clone()))
            .collect()
    }

    /// The path of the manifest.
    pub fn manifest_path(&self) -> PathBuf {
        self.dir.join(MANIFEST_FILE)
    }
}
