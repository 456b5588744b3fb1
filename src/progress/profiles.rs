//! The profiles on this PC: one folder each under `profiles/` in the data
//! folder, named after the person (without marks), so several cadres can
//! share one PC.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::files::{PROFILE_FILE, ProfileFile, read_profile};
use crate::ids::slug;
use crate::paths::Paths;
use crate::storage::write_ron;
use crate::text::{Fold, fold, nfc};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileInfo {
    /// The folder's name.
    pub slug: String,
    /// The name as the person typed it.
    pub name: String,
    pub dir: PathBuf,
}

pub fn root(paths: &Paths) -> PathBuf {
    paths.data_dir.join("profiles")
}

/// Something in the profiles folder that is not a profile the picker can
/// list, and that the user must be told about rather than see a learner
/// silently missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListProblem {
    /// A file (or anything but a folder) where a profile's folder would be;
    /// left as it is.
    NotAFolder(PathBuf),
    /// The profiles folder itself could not be read.
    Unreadable { path: PathBuf, error: String },
}

/// The profiles in `root`, by name, and what else was found there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    pub profiles: Vec<ProfileInfo>,
    pub problems: Vec<ListProblem>,
}

/// Files the system puts in any folder, which are no one's profile.
fn system_file(name: &str) -> bool {
    name.starts_with('.')
        || ["desktop.ini", "thumbs.db"].contains(&name.to_ascii_lowercase().as_str())
}

/// The profiles in `root`, by name.
pub fn list(root: &Path) -> Vec<ProfileInfo> {
    scan(root).profiles
}

/// The profiles in `root`, by name, with whatever stands where a profile's
/// folder should be but is not one.
pub fn scan(root: &Path) -> Listing {
    let mut listing = Listing::default();
    let entries = match fs::read_dir(root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return listing,
        Err(e) => {
            listing.problems.push(ListProblem::Unreadable {
                path: root.to_path_buf(),
                error: e.to_string(),
            });
            return listing;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                listing.problems.push(ListProblem::Unreadable {
                    path: root.to_path_buf(),
                    error: e.to_string(),
                });
                continue;
            }
        };
        let dir = entry.path();
        let slug = entry.file_name().to_string_lossy().into_owned();
        if !dir.is_dir() {
            if !system_file(&slug) {
                listing.problems.push(ListProblem::NotAFolder(dir));
            }
            continue;
        }
        // A profile whose header cannot be read still shows, by folder name;
        // opening it sets the header aside and recovers.
        let name = match read_profile(&dir.join(PROFILE_FILE)) {
            Ok(Some(h)) if !h.name.trim().is_empty() => h.name,
            _ => slug.clone(),
        };
        listing.profiles.push(ProfileInfo { slug, name, dir });
    }
    listing.profiles.sort_by_key(|p| fold(&p.name, Fold::Marks));
    listing
        .problems
        .sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    listing
}

/// Why a name cannot be used for a new profile.
#[derive(Debug)]
pub enum CreateError {
    Empty,
    Exists(ProfileInfo),
    Io(io::Error),
}

/// Makes a profile for `name`. Two people with the same name get two
/// folders only if they differ in more than marks and case: the second is
/// told the name is taken.
pub fn create(
    root: &Path,
    name: &str,
    now: crate::calendar::Millis,
) -> Result<ProfileInfo, CreateError> {
    let name = crate::text::collapse_spaces(nfc(name).trim());
    if name.is_empty() {
        return Err(CreateError::Empty);
    }
    let slug = slug(&name);
    let target = root.join(&slug);
    if target.exists() && !target.is_dir() {
        // Never write into (or over) what stands there.
        return Err(CreateError::Io(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} is a file, not a folder", target.display()),
        )));
    }
    if let Some(existing) = list(root)
        .into_iter()
        .find(|p| p.slug == slug || fold(&p.name, Fold::Case) == fold(&name, Fold::Case))
    {
        return Err(CreateError::Exists(existing));
    }
    let dir = root.join(&slug);
    fs::create_dir_all(&dir).map_err(CreateError::Io)?;
    write_ron(&dir.join(PROFILE_FILE), &ProfileFile::new(&name, now)).map_err(CreateError::Io)?;
    Ok(ProfileInfo { slug, name, dir })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_plain_ascii() {
        assert_eq!(slug("Nguyễn Văn Ân"), "nguyen-van-an");
        assert_eq!(
            slug("  Đặng   Thị  Hoà (Ban Tuyên giáo) "),
            "dang-thi-hoa-ban-tuyen-giao"
        );
        assert_eq!(slug("???"), "ho-so");
    }

    #[test]
    fn profiles_are_created_listed_and_not_doubled() {
        let home = tempfile::tempdir().unwrap();
        let root = home.path().join("profiles");
        let an = create(&root, "Nguyễn Văn Ân", crate::calendar::Millis(1)).unwrap();
        create(&root, "Lê Thị Bình", crate::calendar::Millis(2)).unwrap();
        let names: Vec<String> = list(&root).into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["Lê Thị Bình", "Nguyễn Văn Ân"]);
        assert!(
            matches!(create(&root, "nguyễn văn ân", crate::calendar::Millis(3)), Err(CreateError::Exists(p)) if p == an)
        );
        assert!(matches!(
            create(&root, "Nguyen Van An", crate::calendar::Millis(3)),
            Err(CreateError::Exists(_))
        ));
        assert!(matches!(
            create(&root, "   ", crate::calendar::Millis(3)),
            Err(CreateError::Empty)
        ));
    }

    #[test]
    fn a_profile_folder_replaced_by_a_file_is_reported_not_hidden() {
        let home = tempfile::tempdir().unwrap();
        let root = home.path().join("profiles");
        let an = create(&root, "Nguyễn Văn Ân", crate::calendar::Millis(1)).unwrap();
        create(&root, "Lê Thị Bình", crate::calendar::Millis(2)).unwrap();
        fs::remove_dir_all(&an.dir).unwrap();
        fs::write(&an.dir, "not a folder").unwrap();
        fs::write(root.join(".DS_Store"), "").unwrap();
        let listing = scan(&root);
        let names: Vec<&str> = listing.profiles.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Lê Thị Bình"]);
        assert_eq!(listing.problems, [ListProblem::NotAFolder(an.dir.clone())]);
        // Making the profile again does not write over the file.
        assert!(matches!(
            create(&root, "Nguyễn Văn Ân", crate::calendar::Millis(3)),
            Err(CreateError::Io(_))
        ));
        assert_eq!(fs::read_to_string(&an.dir).unwrap(), "not a folder");
    }
}
