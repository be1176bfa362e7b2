//! The names a patient types for an item or a restriction: its id, one of its aliases
//! (`spf` for `sunscreen`, `serum` for `clinic-product`), or any unique start of either
//! (`wat`, `sunsc`). Ids are exact and stable; aliases are what people say. A name that
//! fits nothing is answered with the close ones ("did you mean …?"), found by edit
//! distance: a typing slip (`watr`, `sunscren`) is one or two letters off.

/// The id of the entry, item or restriction, on or off, that `name` names whole (its id
/// or an alias, ignoring case): what `plan set` and `plan reset` change. No starts here: a
/// change to the plan names its entry exactly.
pub fn id_of<'a>(plan: &'a super::CarePlan, name: &str) -> Option<&'a str> {
    let items = plan.items.iter().chain(&plan.off_items);
    let restrictions = plan.restrictions.iter().chain(&plan.off_restrictions);
    items
        .map(|i| (&i.id, &i.aliases))
        .chain(restrictions.map(|r| (&r.id, &r.aliases)))
        .find(|(id, aliases)| {
            id.eq_ignore_ascii_case(name) || aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        })
        .map(|(id, _)| id.as_str())
}

/// One entry that can be named: its id and its aliases.
#[derive(Debug, Clone, Copy)]
pub struct Nameable<'a> {
    pub id: &'a str,
    pub aliases: &'a [String],
}

/// What a typed name means among some entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meaning<'a> {
    /// Exactly one entry: its id.
    One(&'a str),
    /// A start that fits several entries (their ids).
    Several(Vec<&'a str>),
    /// Nothing fits; the ids of the entries whose id or alias is close to it, closest first.
    Unknown { close: Vec<&'a str> },
}

/// How far a name may be from an id or alias to be offered as "did you mean": two edits,
/// or one for names of four letters or fewer (`ice` and `sun` are one edit apart from many
/// words).
fn close_enough(name: &str) -> usize {
    if name.chars().count() <= 4 { 1 } else { 2 }
}

/// What `name` means among `entries`, ignoring case: an id, then an alias, then a unique
/// start of an id or alias.
pub fn meaning<'a>(entries: &[Nameable<'a>], name: &str) -> Meaning<'a> {
    let name = name.trim().to_lowercase();
    let names_of = |entry: &Nameable<'a>| -> Vec<String> {
        std::iter::once(entry.id)
            .chain(entry.aliases.iter().map(String::as_str))
            .map(str::to_lowercase)
            .collect()
    };
    if name.is_empty() {
        return Meaning::Unknown { close: Vec::new() };
    }
    if let Some(entry) = entries.iter().find(|e| e.id.to_lowercase() == name) {
        return Meaning::One(entry.id);
    }
    if let Some(entry) = entries
        .iter()
        .find(|e| e.aliases.iter().any(|a| a.to_lowercase() == name))
    {
        return Meaning::One(entry.id);
    }
    let fits: Vec<&'a str> = entries
        .iter()
        .filter(|e| names_of(e).iter().any(|n| n.starts_with(&name)))
        .map(|e| e.id)
        .collect();
    match fits.as_slice() {
        [one] => return Meaning::One(one),
        [_, _, ..] => return Meaning::Several(fits),
        [] => {}
    }
    let mut close: Vec<(usize, &'a str)> = entries
        .iter()
        .filter_map(|e| {
            let distance = names_of(e).iter().map(|n| edit_distance(&name, n)).min()?;
            (distance <= close_enough(&name)).then_some((distance, e.id))
        })
        .collect();
    close.sort_by_key(|(distance, _)| *distance);
    Meaning::Unknown {
        close: close.into_iter().map(|(_, id)| id).collect(),
    }
}

/// The number of single-letter insertions, deletions and substitutions between `a` and
/// `b` (Levenshtein). Written here rather than taken from a crate: the domain depends on
/// nothing but std, serde, jiff and thiserror, and these are names of a few letters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(aliases: &[(&'static str, Vec<String>)]) -> Vec<(&'static str, Vec<String>)> {
        aliases.to_vec()
    }

    #[test]
    fn ids_aliases_prefixes_and_slips() {
        let table = entries(&[
            ("water", vec!["drink".into()]),
            ("sunscreen", vec!["spf".into()]),
            ("sun", vec![]),
            ("sweat", vec!["exercise".into()]),
        ]);
        let named: Vec<Nameable> = table
            .iter()
            .map(|(id, aliases)| Nameable { id, aliases })
            .collect();
        assert_eq!(meaning(&named, "SPF"), Meaning::One("sunscreen"));
        assert_eq!(meaning(&named, "sun"), Meaning::One("sun"), "an id wins");
        assert_eq!(meaning(&named, "sunsc"), Meaning::One("sunscreen"));
        assert_eq!(meaning(&named, "dri"), Meaning::One("water"));
        assert_eq!(
            meaning(&named, "s"),
            Meaning::Several(vec!["sunscreen", "sun", "sweat"])
        );
        assert_eq!(
            meaning(&named, "watr"),
            Meaning::Unknown {
                close: vec!["water"]
            }
        );
        assert_eq!(
            meaning(&named, "sunscren"),
            Meaning::Unknown {
                close: vec!["sunscreen"]
            }
        );
        assert_eq!(meaning(&named, "xyz"), Meaning::Unknown { close: vec![] });
    }

    #[test]
    fn edit_distance_counts_letters() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("ice", "ice"), 0);
    }
}
