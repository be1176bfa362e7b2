//! The layering rules inside the `aftercare` binary's `src/` that the compiler cannot see
//! (the domain and the journal are crates of their own: it keeps those layers), checked by
//! reading the source (see the README's "Code layout" and `src/lib.rs`). Each test names
//! the file and the import that breaks a rule.
//!
//! What counts as an import: every path in a `use` (braces expanded) and every path written
//! inline in code (`std::fs::read`, `crate::journal::care::tick`), comments left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// One source file: where it is, its module path (`["tui", "ui", "help"]`), its paths.
struct Source {
    file: String,
    module: Vec<String>,
    text: String,
    /// Every path it names, as written (`crate::journal::Journal`, `super::Theme`).
    paths: Vec<String>,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|f| !f.ends_with("main.rs"))
        .map(|path| {
            let file = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let raw = fs::read_to_string(&path).unwrap();
            let text = strip_comments(&raw);
            let mut module: Vec<String> = file
                .trim_end_matches(".rs")
                .split('/')
                .map(String::from)
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            let paths = paths_in(&text);
            Source {
                file,
                module,
                text,
                paths,
            }
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Drops `//` comments (doc comments included) and string literals' contents are kept:
/// a path inside a string is rare and harmless here.
fn strip_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path in `use` items (braces expanded) and every inline `a::b` path.
fn paths_in(text: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = text;
    while let Some(i) = find_use(rest) {
        let after = &rest[i..];
        let end = after.find(';').unwrap_or(after.len());
        let words: Vec<&str> = after[..end]["use ".len()..].split_whitespace().collect();
        let tree = words
            .join(" ")
            .replace(" as ", "\u{1}")
            .replace(' ', "")
            .replace('\u{1}', " as ");
        expand(&tree, "", &mut paths);
        rest = &after[end..];
    }
    // Inline paths: identifier chains joined by `::`.
    let bytes = text.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < bytes.len() {
        if is_ident(bytes[i]) && (i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != b':') {
            let start = i;
            let mut j = i;
            loop {
                while j < bytes.len() && is_ident(bytes[j]) {
                    j += 1;
                }
                if text[j..].starts_with("::") && j + 2 < bytes.len() && is_ident(bytes[j + 2]) {
                    j += 2;
                } else {
                    break;
                }
            }
            if text[start..j].contains("::") {
                paths.push(text[start..j].to_string());
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    paths.sort();
    paths.dedup();
    paths
}

fn find_use(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find("use ") {
        let at = from + i;
        let before = text[..at].chars().next_back();
        if before.is_none_or(|c| !(c.is_alphanumeric() || c == '_')) {
            return Some(at);
        }
        from = at + 4;
    }
    None
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e` (`self` in a group is `a`).
fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let join = |p: &str, s: &str| {
        if p.is_empty() {
            s.to_string()
        } else if s == "self" {
            p.to_string()
        } else {
            format!("{p}::{s}")
        }
    };
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim_end_matches("::");
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let base = join(prefix, head);
        let (mut depth, mut start) = (0, 0);
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&inner[start..i], &base, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand(&inner[start..], &base, out);
    } else if !tree.is_empty() {
        let path = tree.split(" as ").next().unwrap_or(tree);
        out.push(join(prefix, path));
    }
}

fn in_folder(source: &Source, folder: &str) -> bool {
    source.file.starts_with(&format!("{folder}/"))
}

/// The imports of `source` that start with one of `forbidden`.
fn breaking<'a>(source: &'a Source, forbidden: &[&str]) -> Vec<&'a str> {
    source
        .paths
        .iter()
        .map(String::as_str)
        .filter(|path| {
            forbidden
                .iter()
                .any(|f| *path == *f || path.starts_with(&format!("{f}::")))
        })
        .collect()
}

fn check(folder: &str, forbidden: &[&str]) -> Vec<String> {
    sources()
        .iter()
        .filter(|s| in_folder(s, folder))
        .flat_map(|s| {
            breaking(s, forbidden)
                .into_iter()
                .map(move |p| format!("src/{}: {p}", s.file))
        })
        .collect()
}

#[test]
fn cli_knows_nothing_of_the_tui() {
    let broken = check("cli", &["crate::tui", "ratatui"]);
    assert!(
        broken.is_empty(),
        "cli/ must not import tui/:\n{}",
        broken.join("\n")
    );
}

#[test]
fn crossterm_only_through_ratatui_and_only_in_the_tui() {
    let mut broken = Vec::new();
    for source in sources() {
        for path in &source.paths {
            if path.starts_with("crossterm") {
                broken.push(format!(
                    "src/{}: {path} (use ratatui::crossterm)",
                    source.file
                ));
            }
            if path.starts_with("ratatui::crossterm") && !in_folder(&source, "tui") {
                broken.push(format!("src/{}: {path} (outside tui/)", source.file));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_action_module_is_a_leaf() {
    let sources = sources();
    let action = sources
        .iter()
        .find(|s| s.file == "tui/action.rs")
        .expect("src/tui/action.rs exists");
    let broken = breaking(
        action,
        &[
            "crate::tui",
            "super",
            "crate::journal::care",
            "crate::journal",
        ],
    );
    assert!(
        broken.is_empty(),
        "tui/action.rs must import no other tui module: {broken:?}"
    );
}

/// Drawing reads the state; it never changes the journal. The journal's writing methods
/// (every `pub fn name(&mut self` of `Journal`) and the `care` commands must not appear.
#[test]
fn drawing_never_writes_the_journal() {
    let sources = sources();
    let journal = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/aftercare-journal/src/lib.rs"),
    )
    .unwrap();
    let writers: Vec<String> = journal
        .split("pub fn ")
        .skip(1)
        .filter(|f| {
            let signature = &f[..f.find('{').unwrap_or(f.len())];
            signature.contains("&mut self")
        })
        .map(|f| f[..f.find(['(', '<']).unwrap()].to_string())
        .collect();
    assert!(writers.iter().any(|w| w == "save"), "found {writers:?}");
    let mut broken = Vec::new();
    for source in sources.iter().filter(|s| in_folder(s, "tui/ui")) {
        for writer in &writers {
            if source.text.contains(&format!(".{writer}(")) {
                broken.push(format!("src/{}: calls Journal::{writer}", source.file));
            }
        }
        for path in breaking(source, &["crate::journal::care", "crate::journal::history"]) {
            broken.push(format!("src/{}: {path}", source.file));
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// The module a path names: the deepest file it reaches (`crate::tui::app::App` →
/// `tui/app`), or `None` for a path outside the crate.
fn resolve(from: &[String], path: &str, modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let mut segments = path.split("::");
    let mut module: Vec<String> = match segments.next()? {
        "crate" => Vec::new(),
        "self" => from.to_vec(),
        "super" => from[..from.len().saturating_sub(1)].to_vec(),
        _ => return None,
    };
    for segment in segments {
        if segment == "super" {
            module.pop();
            continue;
        }
        let mut deeper = module.clone();
        deeper.push(segment.to_string());
        if !modules.contains(&deeper) {
            break;
        }
        module = deeper;
    }
    Some(module)
}

/// The import graph between module files, without edges to a module's own ancestors (a
/// child may use what its parent declares: that is Rust's scoping, not a dependency) and
/// without the unit tests at the end of files.
fn graph() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let sources = sources();
    let modules: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
    let mut graph = BTreeMap::new();
    for source in &sources {
        let code = match source.text.find("#[cfg(test)]\nmod tests") {
            Some(i) => &source.text[..i],
            None => &source.text,
        };
        let edges: BTreeSet<Vec<String>> = paths_in(code)
            .iter()
            .filter_map(|p| resolve(&source.module, p, &modules))
            .filter(|target| !source.module.starts_with(target))
            .collect();
        graph.insert(source.module.clone(), edges);
    }
    graph
}

fn find_cycle(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<String>> {
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|n| n == node) {
            let mut cycle: Vec<String> = stack[i..].iter().map(|n| n.join("::")).collect();
            cycle.push(node.join("::"));
            return Some(cycle);
        }
        if !done.insert(node.clone()) {
            return None;
        }
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_import_cycles_between_modules() {
    let graph = graph();
    // The graph is real: the app depends on the screens it drives.
    assert!(
        graph[&vec!["tui".to_string(), "app".to_string()]]
            .contains(&vec!["tui".to_string(), "history".to_string()])
    );
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle: {}", cycle.join(" → "));
    }
}

#[test]
fn the_checker_sees_through_use_trees() {
    let paths = paths_in(
        "use crate::tui::{app::App, forms::{self, input::TextInput}};\nlet x = std::fs::read(p);",
    );
    for expected in [
        "crate::tui::app::App",
        "crate::tui::forms",
        "crate::tui::forms::input::TextInput",
        "std::fs::read",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "{expected} in {paths:?}"
        );
    }
}
