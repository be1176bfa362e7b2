//! The pictures of the photo view, made off the UI thread (issue 25): a worker thread
//! decodes a stored photo and fits it to its cells in the terminal's protocol, or imports a
//! new photo; the app takes the results in on its next tick. Keys never wait on a photo.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use ratatui::layout::Size;
use ratatui_image::Resize;
use ratatui_image::picker::{Picker, ProtocolType};
use ratatui_image::protocol::Protocol;

use crate::journal::photo_import::{self, ImportError, Imported};

/// A picture made for one file at one size in cells.
pub type Key = (String, u16, u16);

enum Job {
    Show {
        key: Key,
        path: PathBuf,
        picker: Box<Picker>,
    },
    Import {
        path: PathBuf,
    },
}

enum Done {
    Shown(Key, Result<Protocol, String>),
    Imported(PathBuf, Box<Result<Imported, ImportError>>),
}

/// The pictures made so far, the ones asked for, and the worker making them.
pub struct PhotoImages {
    /// How the terminal shows pictures; `None`: images off (captions and paths instead).
    picker: Option<Picker>,
    jobs: Option<Sender<Job>>,
    done: Option<Receiver<Done>>,
    shown: BTreeMap<Key, Result<Protocol, String>>,
    asked: BTreeSet<Key>,
    importing: Option<PathBuf>,
    /// How many results came in: the loop redraws when it changes.
    pub arrived: u64,
    /// The picker was chosen (images on or off), not merely defaulted.
    chosen: bool,
}

impl std::fmt::Debug for PhotoImages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PhotoImages")
            .field("protocol", &self.picker.as_ref().map(Picker::protocol_type))
            .field("shown", &self.shown.len())
            .finish_non_exhaustive()
    }
}

impl Default for PhotoImages {
    /// Images off until a picker is chosen.
    fn default() -> PhotoImages {
        PhotoImages {
            chosen: false,
            ..PhotoImages::new(None)
        }
    }
}

impl PhotoImages {
    /// With `picker` (none: images off).
    pub fn new(picker: Option<Picker>) -> PhotoImages {
        PhotoImages {
            picker,
            jobs: None,
            done: None,
            shown: BTreeMap::new(),
            asked: BTreeSet::new(),
            importing: None,
            arrived: 0,
            chosen: true,
        }
    }

    /// Whether a picker was chosen (see [`PhotoImages::default`]).
    pub fn chosen(&self) -> bool {
        self.chosen
    }

    /// Whether pictures are drawn at all.
    pub fn enabled(&self) -> bool {
        self.picker.is_some()
    }

    /// The picture for `key`, when made: `Err` says why it could not be.
    pub fn get(&self, key: &Key) -> Option<&Result<Protocol, String>> {
        self.shown.get(key)
    }

    /// Whether a result is still to come (the loop wakes often meanwhile).
    pub fn waiting(&self) -> bool {
        self.asked.len() > self.shown.len() || self.importing.is_some()
    }

    /// The file being imported, if any.
    pub fn importing(&self) -> Option<&PathBuf> {
        self.importing.as_ref()
    }

    fn send(&mut self, job: Job) {
        if self.jobs.is_none() {
            let (jobs, inbox) = channel::<Job>();
            let (outbox, done) = channel::<Done>();
            // The worker ends when the app drops its sender.
            std::thread::spawn(move || work(&inbox, &outbox));
            self.jobs = Some(jobs);
            self.done = Some(done);
        }
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
    }

    /// Asks for the picture of `file` (journal-relative) fitted to `size` cells, unless
    /// made or asked for already. Halfblocks need no more than the thumbnail.
    pub fn ask(&mut self, journal_dir: &std::path::Path, file: &str, size: Size) {
        let Some(picker) = &self.picker else {
            return;
        };
        let key: Key = (file.to_string(), size.width, size.height);
        if self.asked.contains(&key) {
            return;
        }
        let source = if picker.protocol_type() == ProtocolType::Halfblocks {
            crate::domain::photo::thumbnail_of(file)
        } else {
            file.to_string()
        };
        let picker = Box::new(picker.clone());
        self.asked.insert(key.clone());
        self.send(Job::Show {
            key,
            path: journal_dir.join(source),
            picker,
        });
    }

    /// Starts importing the photo at `path` (the result comes with [`PhotoImages::take`]).
    pub fn import(&mut self, path: PathBuf) {
        self.importing = Some(path.clone());
        self.send(Job::Import { path });
    }

    /// Takes in the pictures made since; returns the imports finished.
    pub fn take(&mut self) -> Vec<(PathBuf, Result<Imported, ImportError>)> {
        let mut imports = Vec::new();
        let Some(done) = &self.done else {
            return imports;
        };
        while let Ok(result) = done.try_recv() {
            self.arrived += 1;
            match result {
                Done::Shown(key, protocol) => {
                    self.shown.insert(key, protocol);
                }
                Done::Imported(path, imported) => {
                    self.importing = None;
                    imports.push((path, *imported));
                }
            }
        }
        imports
    }

    /// Forgets the pictures (the view closed): memory stays flat however many were seen.
    pub fn forget(&mut self) {
        self.shown.clear();
        self.asked.clear();
    }
}

fn work(inbox: &Receiver<Job>, outbox: &Sender<Done>) {
    while let Ok(job) = inbox.recv() {
        let done = match job {
            Job::Show { key, path, picker } => {
                let size = Size::new(key.1, key.2);
                let protocol = photo_import::decode_stored(&path).and_then(|picture| {
                    picker
                        .new_protocol(picture, size, Resize::Scale(None))
                        .map_err(|err| err.to_string())
                });
                Done::Shown(key, protocol)
            }
            Job::Import { path } => {
                let imported = photo_import::import(&path);
                Done::Imported(path, Box::new(imported))
            }
        };
        if outbox.send(done).is_err() {
            return;
        }
    }
}
