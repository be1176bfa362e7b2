//! What the TUI shows: one [`Screen`] and at most one [`Overlay`] over it, each variant
//! carrying its own form or dialog state, so no combination the app never means can be
//! written down. How keys are read is derived from the pair: [`key_context`].

use crate::journal::Treatment;
use crate::tui::forms::plan::PlanForm;
use crate::tui::forms::skin::{SkinField, SkinForm};
use crate::tui::forms::treatment::TreatmentForm;
use crate::tui::keys::KeyContext;
use crate::tui::photos::PhotoBrowser;

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// No treatment yet: ask when it was, in the welcome screen's own form.
    Welcome(TreatmentForm),
    Today,
    /// The calendar of adherence, symptom trend and treatments (`tui::history`).
    History,
    /// The care plan in force, to change it to the dermatologist's (`tui::plan`).
    Plan,
}

/// What is shown over the screen, and owns the keys while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key help: any key closes it.
    Help,
    /// When to call the clinic: the plan's warning signs. Any key closes it.
    WarningSigns,
    /// The skin log of a day, over Today.
    SkinForm(SkinForm),
    /// Record a new treatment, over Today.
    NewTreatment(TreatmentForm),
    /// Correct `treatment` (as it read when the form opened: its identity, and the fields
    /// a save compares the form with), over History.
    EditTreatment {
        treatment: Treatment,
        form: TreatmentForm,
    },
    /// A change to the treatments waiting for the patient's yes, over History.
    Confirm { question: String, change: Change },
    /// Change an entry's numbers, or add one, over the Plan screen.
    PlanForm(PlanForm),
    /// A day's photos, over Today or History.
    Photos(PhotoBrowser),
}

/// A change to the treatments waiting for the patient's yes, naming the treatment by its
/// identity (a list position could shift to another session before the yes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Correct the treatment `seen` (as the form read it) to `wanted`: only the fields
    /// that differ are written.
    Replace { seen: Treatment, wanted: Treatment },
    /// Delete this treatment.
    Remove(Treatment),
}

/// How keys are read for this screen and overlay.
pub fn key_context(screen: &Screen, overlay: Option<&Overlay>) -> KeyContext {
    match (overlay, screen) {
        (Some(Overlay::Help | Overlay::WarningSigns), _) => KeyContext::Help,
        (Some(Overlay::SkinForm(form)), _) if form.focus == SkinField::Note => KeyContext::SkinNote,
        (Some(Overlay::SkinForm(form)), _) if matches!(form.focus, SkinField::Sign(_)) => {
            KeyContext::SkinSigns
        }
        (Some(Overlay::SkinForm(_)), _) => KeyContext::SkinScores,
        (Some(Overlay::NewTreatment(_)), _) | (None, Screen::Welcome(_)) => KeyContext::Welcome,
        (Some(Overlay::EditTreatment { .. }), _) => KeyContext::HistoryForm,
        (Some(Overlay::Confirm { .. }), _) => KeyContext::Confirm,
        (Some(Overlay::PlanForm(_)), _) => KeyContext::PlanForm,
        (Some(Overlay::Photos(browser)), _) if browser.path.is_some() => KeyContext::PhotoPath,
        (Some(Overlay::Photos(_)), _) => KeyContext::Photos,
        (None, Screen::Plan) => KeyContext::Plan,
        (None, Screen::Today) => KeyContext::Today,
        (None, Screen::History) => KeyContext::History,
    }
}
