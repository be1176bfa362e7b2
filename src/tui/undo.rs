//! The app's undo and redo: two stacks of this window's changes — to the journal
//! ([`Done`]s, as the journal recorded them) and to the plan ([`PlanStep`]s) — one story
//! on every screen. `u` reverses the top of the undo stack as a new change and pushes that
//! change on the redo stack; `U` / Ctrl-R does the same the other way. Any new change
//! clears the redo stack, as in every editor. A plan step is applied by the app (it owns
//! the plan file): [`UndoStacks::take_plan_step`] hands it over.

use jiff::ZonedDateTime;

use crate::domain::plan::CarePlan;
use crate::domain::plan::undo::PlanStep;
use crate::domain::time::Stamp;
use crate::domain::undo::{Done, describe, first_tick_item};
use crate::journal::{Journal, Month};

/// How many of its changes the app can undo.
pub const KEPT: usize = 100;

/// One change of this window: to the journal or to the plan.
#[derive(Debug, Clone)]
enum Change {
    Care(Done),
    Plan(PlanStep),
}

/// This window's undo and redo stacks.
#[derive(Debug, Clone, Default)]
pub struct UndoStacks {
    undo: Vec<Change>,
    redo: Vec<Change>,
    /// The journal's `applied_total` when last looked at.
    seen: u64,
}

/// What an undo or redo leaves on the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub text: String,
    pub is_error: bool,
    /// Whether the journal changed (screens must re-read it).
    pub changed: bool,
}

impl UndoStacks {
    /// Starts after what the journal has already applied (nothing of it is this window's).
    pub fn new(journal: &Journal) -> UndoStacks {
        UndoStacks {
            seen: journal.applied_total(),
            ..UndoStacks::default()
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Takes the changes the journal applied since the last look as new undoable ones.
    pub fn take_new(&mut self, journal: &Journal) {
        let total = journal.applied_total();
        let new = usize::try_from(total - self.seen).unwrap_or(usize::MAX);
        self.seen = total;
        if new == 0 {
            return;
        }
        let done = journal.done();
        let new = done[done.len().saturating_sub(new)..].iter().cloned();
        self.push_new(new.map(Change::Care));
    }

    /// A change to the plan made in this window, undoable like any other.
    pub fn push_plan(&mut self, step: PlanStep) {
        self.push_new([Change::Plan(step)]);
    }

    fn push_new(&mut self, changes: impl IntoIterator<Item = Change>) {
        self.undo.extend(changes);
        let excess = self.undo.len().saturating_sub(KEPT);
        self.undo.drain(..excess);
        self.redo.clear();
    }

    /// The plan step on top of the undo (or redo) stack, taken off it: the app applies it
    /// to the plan file and hands back the reversal ([`UndoStacks::plan_step_done`]) or
    /// the step itself when it could not be applied ([`UndoStacks::plan_step_kept`]).
    pub fn take_plan_step(&mut self, redo: bool) -> Option<PlanStep> {
        let from = if redo { &mut self.redo } else { &mut self.undo };
        match from.last() {
            Some(Change::Plan(_)) => match from.pop() {
                Some(Change::Plan(step)) => Some(step),
                _ => None,
            },
            _ => None,
        }
    }

    /// A plan step taken by [`UndoStacks::take_plan_step`] was applied: its reversal goes
    /// on the other stack.
    pub fn plan_step_done(&mut self, redo: bool, reversal: PlanStep) {
        let to = if redo { &mut self.undo } else { &mut self.redo };
        to.push(Change::Plan(reversal));
    }

    /// A plan step could not be applied for want of saving: it stays where it was.
    pub fn plan_step_kept(&mut self, redo: bool, step: PlanStep) {
        let from = if redo { &mut self.redo } else { &mut self.undo };
        from.push(Change::Plan(step));
    }

    /// Undoes (or, with `redo`, redoes) the last change; says what happened.
    pub fn step(
        &mut self,
        journal: &mut Journal,
        plan: &CarePlan,
        now: &ZonedDateTime,
        redo: bool,
    ) -> Outcome {
        let (verb, nothing, cannot) = if redo {
            ("Redid", "Nothing to redo", "Cannot redo")
        } else {
            ("Undid", "Nothing to undo", "Cannot undo")
        };
        let from = if redo { &mut self.redo } else { &mut self.undo };
        let Some(Change::Care(done)) = from.pop() else {
            // A plan step is the app's to apply (see `take_plan_step`).
            return Outcome {
                text: nothing.into(),
                is_error: false,
                changed: false,
            };
        };
        let count = |journal: &mut Journal| -> Option<u32> {
            let (date, item) = first_tick_item(&done.op)?;
            journal.load_month(Month::of(date)).ok()?;
            Some(journal.day(date).map_or(0, |d| d.count(&item)))
        };
        let before = count(journal);
        let total = journal.applied_total();
        let result = journal.undo(&done, Stamp::of(now));
        let after = count(journal);
        self.seen = journal.applied_total();
        let what = describe(&done.op, plan, before.zip(after), now.date());
        let to = if redo { &mut self.undo } else { &mut self.redo };
        match result {
            Ok(Ok(reversal)) => {
                // A redo names the change it makes again (the reversal of the undo): a
                // treatment recorded, undone and redone reads "recorded treatment", not
                // the "deleted treatment" that undid it.
                let what = if redo {
                    describe(&reversal.op, plan, before.zip(after), now.date())
                } else {
                    what
                };
                to.push(Change::Care(reversal));
                Outcome {
                    text: format!("{verb}: {what}"),
                    is_error: false,
                    changed: true,
                }
            }
            Ok(Err(conflict)) => Outcome {
                text: format!("{cannot} {what}: {conflict}; left as it is"),
                is_error: true,
                changed: false,
            },
            Err(err) => {
                if journal.applied_total() != total {
                    // Applied in memory, saved later: undone all the same.
                    let reversal = journal.done().last().cloned().expect("just applied");
                    to.push(Change::Care(reversal));
                } else {
                    let from = if redo { &mut self.redo } else { &mut self.undo };
                    from.push(Change::Care(done));
                }
                Outcome {
                    text: format!("{verb}: {what}, not saved yet: {err}"),
                    is_error: true,
                    changed: journal.applied_total() != total,
                }
            }
        }
    }
}
