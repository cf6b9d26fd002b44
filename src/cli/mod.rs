//! The command line: arguments (`args`), the session every command starts
//! from (`session`), how a run ends (`exit`), one file per subcommand
//! (`commands`) and the renderers that turn computed structs into text
//! (`render`). Only this layer prints.

pub mod alloc;
pub mod args;
pub mod commands;
pub mod exit;
pub mod help;
pub mod lang;
pub mod prompt;
pub mod render;
pub mod session;
pub mod vocab;

pub use args::*;

use commands::event;
use exit::Verdict;
use session::Session;

/// Runs the parsed command line.
pub fn dispatch(cli: Cli) -> anyhow::Result<Verdict> {
    let s = Session::new(&cli);
    match cli.command {
        Command::Init(a) => commands::init::run(&s, a),
        Command::New(a) => commands::new::run(&s, a),
        Command::List(a) => commands::list::run(&s, a),
        Command::Show(a) => commands::show::run(&s, a),
        Command::Search(a) => commands::search::run(&s, a),
        Command::Ack(a) => event::ack::run(&s, a),
        Command::Assign(a) => event::assign::run(&s, a),
        Command::Note(a) => event::note::run(&s, a),
        Command::Update(a) => event::update::run(&s, a),
        Command::Escalate(a) => event::escalate::run(&s, a),
        Command::Pause(a) => event::pause::run(&s, a),
        Command::Resume(a) => event::resume::run(&s, a),
        Command::Compensate(a) => event::compensate::run(&s, a),
        Command::Resolve(a) => event::resolve::run(&s, a),
        Command::FollowUp(a) => event::follow_up::run(&s, a),
        Command::Close(a) => event::close::run(&s, a),
        Command::Reopen(a) => event::reopen::run(&s, a),
        Command::Edit(a) => commands::edit::run(&s, a),
        Command::Letter(a) => commands::letter::run(&s, a),
        Command::Check(a) => commands::check::run(&s, a),
        Command::Audit(a) => commands::audit::run(&s, a),
        Command::Report(a) => commands::report::run(&s, a),
        Command::Action(a) => commands::action::run(&s, a),
        Command::Policy(a) => commands::policy::run(&s, a),
        Command::Import(a) => commands::import::run(&s, a),
        Command::Export(a) => commands::export::run(&s, a),
        Command::MergeFile(a) => commands::merge_file::run(&s, a),
        Command::GitSetup(a) => commands::git_setup::run(&s, a),
        Command::Completions(a) => commands::completions::run(a),
        Command::Man(a) => commands::man::run(a),
        Command::Extend(a) => commands::extend::run(&s, a),
        Command::Anonymise(a) => commands::anonymise::run(&s, a),
    }
}
