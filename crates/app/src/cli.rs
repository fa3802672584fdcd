//! Subcommands. Errors surface here as one readable line: exit code 2 for
//! configuration and start-up problems (wrong settings, unreachable database),
//! 1 for a command that ran and failed.

use crate::config::{Config, LogFormat};
use anyhow::Context as _;
use clap::{Parser, Subcommand};
use db::demo::{self, DemoState};
use db::{Db, PoolOptions};
use domain::model::{Language, Role};
use domain::password::NewPassword;
use domain::{Clock, SystemClock};
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "traject",
    version,
    about = "Support trajectories for OCMW/CPAS programmes"
)]
struct Cli {
    /// Configuration file (default: ./traject.toml when it exists).
    #[arg(long, global = true, env = "TRAJECT_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server.
    Serve {
        /// Load the demo organisation into an empty database (refused if it holds other data).
        #[arg(long)]
        demo: bool,
    },
    /// Run only the outbox worker (reminders and notices), e.g. on a machine
    /// of its own; `serve` runs one too unless `worker = false`.
    Worker {
        /// Queue the coming sessions' reminders, send what is due, print the
        /// figures and stop (a cron job, or the benchmark).
        #[arg(long)]
        once: bool,
    },
    /// Apply pending database migrations and print the schema version.
    Migrate,
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// Manage organisations (tenants).
    Org {
        #[command(subcommand)]
        action: OrgCommand,
    },
    /// Seed the demo organisation "OCMW Demostad" into the configured database.
    Demo {
        /// Test hook: wait this long before committing the seed.
        #[arg(long, hide = true)]
        pause_before_commit_ms: Option<u64>,
    },
    /// Check configuration and database; non-zero exit on any problem.
    Check,
    /// Fill an empty database with fictional data at a city's scale, for
    /// benchmarks (deterministic from --seed; refuses a non-empty database).
    Synth {
        /// Organisations (tenants) to create.
        #[arg(long, default_value_t = 50)]
        organisations: usize,
        /// Participants per organisation.
        #[arg(long, default_value_t = 2000)]
        participants: usize,
        /// Years of history.
        #[arg(long, default_value_t = 3)]
        years: u32,
        /// Audit trail entries in all, four in five in the first organisation.
        #[arg(long, default_value_t = 5_000_000)]
        trail: u64,
        /// The same seed gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// School calendars: check holiday periods, import published years.
    Calendar {
        #[command(subcommand)]
        action: CalendarCommand,
    },
    /// Funders' indicator sets: check a set's file before an organisation adds it.
    Indicators {
        #[command(subcommand)]
        action: IndicatorsCommand,
    },
}

#[derive(Subcommand)]
enum IndicatorsCommand {
    /// Check an indicator set file (JSON, as in crates/domain/indicators)
    /// and print each indicator's code, what it counts and its wording in
    /// the four languages, to compare with the funder's text.
    Check { file: std::path::PathBuf },
}

#[derive(Subcommand)]
enum CalendarCommand {
    /// Print the school holidays of a Community's school year, one
    /// `start end name` line each (ISO dates, both ends included).
    Holidays {
        /// flemish, french or german.
        #[arg(long)]
        community: String,
        /// The school year, e.g. 2026-2027.
        #[arg(long = "school-year")]
        school_year: String,
    },
    /// Import school years from a calendar file (JSON, as in
    /// crates/domain/data/school-holidays), checked first; replaces imported
    /// years with the same label.
    Import { file: std::path::PathBuf },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a staff user to an organisation. The password is read from a prompt or stdin.
    Add {
        email: String,
        #[arg(long)]
        name: String,
        /// Organisation slug (not for --analyst).
        #[arg(long, required_unless_present = "analyst")]
        organisation: Option<String>,
        /// A cross-organisation analyst: aggregated figures only, no organisation.
        #[arg(long, conflicts_with_all = ["organisation", "role"])]
        analyst: bool,
        #[arg(long, value_parser = parse_role)]
        role: Option<Role>,
        #[arg(long)]
        username: Option<String>,
        #[arg(long, value_parser = parse_language)]
        language: Option<Language>,
    },
    /// Set a new password (read from a prompt or stdin).
    Passwd { email: String },
    /// Turn off someone's two-step verification (lost phone and recovery codes).
    ResetTwoStep { email: String },
    /// Disable an account.
    Disable { email: String },
    /// Re-enable a disabled account.
    Enable { email: String },
    /// List accounts with their organisations and roles.
    List,
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Add an organisation.
    Add {
        slug: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "nl", value_parser = parse_language)]
        language: Language,
    },
    /// List organisations.
    List,
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse()
        .map_err(|e: domain::coded::UnknownCode| e.to_string())
}

fn parse_language(s: &str) -> Result<Language, String> {
    s.parse()
        .map_err(|e: domain::coded::UnknownCode| e.to_string())
}

/// A failure and how to exit with it.
enum Failure {
    /// Configuration or start-up: exit 2.
    Setup(String),
    /// The command ran and failed: exit 1.
    Failed(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Failed(e)
    }
}

impl From<db::DbError> for Failure {
    fn from(e: db::DbError) -> Self {
        Failure::Failed(e.into())
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Failure::Setup(msg)) => {
            eprintln!("traject: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Failed(e)) => {
            let msg = format!("{e:#}");
            eprintln!(
                "traject: {}",
                msg.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let config = Config::load(cli.config.as_deref()).map_err(|e| Failure::Setup(e.to_string()))?;
    init_logging(&config)?;
    match cli.command {
        Command::Serve { demo } => serve(&config, demo),
        Command::Worker { once } => worker(&config, once),
        Command::Migrate => migrate(&config),
        Command::User { action } => user(&config, action),
        Command::Org { action } => org(&config, action),
        Command::Demo {
            pause_before_commit_ms,
        } => seed_demo(&config, pause_before_commit_ms),
        Command::Check => check(&config),
        Command::Calendar { action } => calendar(&config, action),
        Command::Indicators { action } => indicators(action),
        Command::Synth {
            organisations,
            participants,
            years,
            trail,
            seed,
        } => synth(
            &config,
            &db::synth::Options {
                organisations,
                participants,
                years,
                trail,
                seed,
            },
        ),
    }
}

fn init_logging(config: &Config) -> Result<(), Failure> {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_new(&config.log_level)
        .map_err(|e| Failure::Setup(format!("configuration: log_level: {e}")))?;
    // Colour codes only on a terminal: a log file or a pipe gets plain text.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    match config.log_format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().flatten_event(true).init(),
    }
    Ok(())
}

fn open(config: &Config, run_migrations: bool) -> Result<Db, Failure> {
    let mut options = PoolOptions::for_this_machine();
    options.run_migrations = run_migrations;
    if let Some(size) = config.db_pool_size {
        options.max_size = size;
    }
    Db::open(&config.database_url, options)
        .map_err(|e| Failure::Setup(format!("{} ({})", e, config.database_url.redacted())))
}

fn serve(config: &Config, demo: bool) -> Result<ExitCode, Failure> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Setup(format!("cannot start the runtime: {e}")))?;
    runtime.block_on(async {
        let db = open(config, true)?;
        let demo_present = if demo {
            let mut conn = db.get()?;
            match demo::state(&mut conn)? {
                DemoState::Empty => {
                    let counts = demo::seed(&mut conn, SystemClock.now(), None)?;
                    tracing::info!(participants = counts.participants, "demo data loaded");
                }
                DemoState::Seeded => {}
                DemoState::OtherData => {
                    return Err(Failure::Setup(
                        "refusing --demo: the database holds data that is not the demo's; use an empty database".into(),
                    ));
                }
            }
            print_demo_banner();
            true
        } else {
            let mut conn = db.get()?;
            demo::state(&mut conn)? == DemoState::Seeded
        };
        if let Some(key) = &config.sealing_key {
            let mut conn = db.get()?;
            let sealed =
                db::credentials::seal_plain_secrets(&mut conn, key, SystemClock.now().naive_utc())?;
            if sealed > 0 {
                tracing::info!(accounts = sealed, "two-step secrets sealed with secret_key");
            }
        } else if !demo_present {
            tracing::warn!("no secret_key: two-step secrets are stored as text");
        }
        let listener = tokio::net::TcpListener::bind(config.bind)
            .await
            .map_err(|e| Failure::Setup(format!("cannot listen on {}: {e}", config.bind)))?;
        let addr = listener.local_addr().context("listener address")?;
        tracing::info!(database = %config.database_url.redacted(), "listening on http://{addr}");
        // Plain http on this machine only (the demo): browsers drop Secure cookies there.
        let secure_cookies = config
            .secure_cookies
            .unwrap_or(!(demo && config.bind.ip().is_loopback()));
        if !secure_cookies {
            tracing::warn!("session cookies without Secure: use only on this machine over plain http");
        }
        let auth = web::auth::AuthSettings {
            idle_timeout: chrono::Duration::minutes(config.session_idle_minutes),
            absolute_lifetime: chrono::Duration::hours(config.session_lifetime_hours),
            secure_cookies,
        };
        if config.worker {
            tokio::spawn(outbox_worker(config, db.clone())?.run());
        }
        let handle = db.clone();
        let state = web::AppState::new(db, Arc::new(SystemClock))
            .with_demo(demo_present)
            .with_auth(auth)
            .with_trusted_proxies(config.trusted_proxies.clone())
            .with_metrics_token(config.metrics_token.as_ref())
            .with_accessibility_contact(config.accessibility_contact.as_deref())
            .with_sealing_key(config.sealing_key.clone())
            .with_gateway_secret(config.gateway.as_ref().map(|g| g.secret.as_str()))
            .with_public_url(config.public_url.as_deref());
        web::serve(listener, web::router(state), shutdown_signal())
            .await
            .context("server stopped with an error")?;
        if let Err(e) = handle.final_checkpoint() {
            tracing::warn!(error = %e, "final WAL checkpoint failed");
        }
        tracing::info!("stopped");
        Ok(ExitCode::SUCCESS)
    })
}

/// The outbox worker with the configured channels.
fn outbox_worker(config: &Config, db: db::Db) -> Result<messaging::Worker, Failure> {
    let channels = messaging::Channels::new(config.smtp.clone(), config.gateway.clone())
        .map_err(|e| Failure::Setup(e.to_string()))?;
    if config.smtp.is_none() {
        tracing::warn!("no smtp_url: email messages wait in the outbox");
    }
    if config.gateway.is_none() {
        tracing::warn!("no gateway_url: SMS and WhatsApp messages wait in the outbox");
    }
    Ok(messaging::Worker::new(
        db,
        channels,
        Arc::new(SystemClock),
        messaging::WorkerSettings {
            max_attempts: config.message_attempts,
            public_url: config.public_url.clone().unwrap_or_default(),
            ..messaging::WorkerSettings::default()
        },
    ))
}

fn worker(config: &Config, once: bool) -> Result<ExitCode, Failure> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Setup(format!("cannot start the runtime: {e}")))?;
    runtime.block_on(async {
        let db = open(config, true)?;
        let worker = outbox_worker(config, db)?;
        if once {
            let started = std::time::Instant::now();
            let (sessions, queued) = worker.schedule_reminders().await?;
            let queueing = started.elapsed();
            let started = std::time::Instant::now();
            let digests = worker.schedule_digests().await?;
            let digesting = started.elapsed();
            let started = std::time::Instant::now();
            let round = worker.send_due().await?;
            let sending = started.elapsed();
            let rate = (round.sent + round.failed) as f64 / sending.as_secs_f64().max(1e-6);
            println!(
                "queued {queued} reminders for {sessions} sessions in {} ms; {digests} staff digests in {} ms; sent {}, failed {} in {} ms ({rate:.0} messages/s)",
                queueing.as_millis(),
                digesting.as_millis(),
                round.sent,
                round.failed,
                sending.as_millis()
            );
            return Ok(ExitCode::SUCCESS);
        }
        tracing::info!(database = %config.database_url.redacted(), "outbox worker running");
        tokio::select! {
            _ = worker.run() => {}
            _ = shutdown_signal() => tracing::info!("stopped"),
        }
        Ok(ExitCode::SUCCESS)
    })
}

fn print_demo_banner() {
    eprintln!(
        "WARNING: this is a DEMO of traject with fictional people. Never enter real personal data."
    );
    eprintln!("Demo logins (password for all: {}):", demo::DEMO_PASSWORD);
    for (email, _, name, role, _) in demo::DEMO_STAFF {
        eprintln!("  {email:<32} {role:<14} {name}");
    }
    let (email, _, name) = demo::DEMO_ANALYST;
    eprintln!("  {email:<32} {:<14} {name}", "analyst");
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

fn migrate(config: &Config) -> Result<ExitCode, Failure> {
    let db = open(config, false)?;
    let mut conn = db.get()?;
    let applied = db::migrate::run_pending(&mut conn)?;
    for v in &applied {
        println!("applied {v}");
    }
    let version = db::migrate::current_version(&mut conn)?.unwrap_or_else(|| "none".into());
    println!("schema version {version}");
    Ok(ExitCode::SUCCESS)
}

fn seed_demo(config: &Config, pause_ms: Option<u64>) -> Result<ExitCode, Failure> {
    let db = open(config, true)?;
    let mut conn = db.get()?;
    match demo::state(&mut conn)? {
        DemoState::Seeded => {
            println!("the demo organisation is already there");
            return Ok(ExitCode::SUCCESS);
        }
        DemoState::OtherData => {
            return Err(anyhow::anyhow!(
                "refusing to seed the demo: the database holds data that is not the demo's"
            )
            .into());
        }
        DemoState::Empty => {}
    }
    let counts = demo::seed(
        &mut conn,
        SystemClock.now(),
        pause_ms.map(std::time::Duration::from_millis),
    )?;
    println!(
        "seeded {}: {} sites, {} rooms, {} staff, {} programmes, {} participants, {} children, {} trajectories",
        demo::DEMO_NAME,
        counts.sites,
        counts.rooms,
        counts.staff,
        counts.programmes,
        counts.participants,
        counts.children,
        counts.trajectories
    );
    Ok(ExitCode::SUCCESS)
}

fn calendar(config: &Config, action: CalendarCommand) -> Result<ExitCode, Failure> {
    use domain::school::Community;
    let db = open(config, true)?;
    let mut conn = db.get()?;
    match action {
        CalendarCommand::Holidays {
            community,
            school_year,
        } => {
            let Some(community) = Community::parse(&community) else {
                eprintln!("traject: --community is flemish, french or german");
                return Ok(ExitCode::from(2));
            };
            if domain::school::parse_label(&school_year).is_none() {
                eprintln!("traject: --school-year looks like 2026-2027");
                return Ok(ExitCode::from(2));
            }
            let imported = db::groups::calendar::imported(&mut conn, community)?;
            let calendar = domain::school::Calendar::new(community, imported);
            let Some(year) = calendar.year(&school_year) else {
                eprintln!(
                    "traject: no school year {school_year} is known for the {} Community; import it with `traject calendar import FILE`",
                    community.code()
                );
                return Ok(ExitCode::from(1));
            };
            for p in &year.periods {
                println!("{} {} {}", p.start, p.end, p.name);
            }
            Ok(ExitCode::SUCCESS)
        }
        CalendarCommand::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
            let (community, years) = match domain::school::parse_years(&text) {
                Ok(x) => x,
                Err(e) => {
                    eprintln!("traject: {}: {e}", file.display());
                    return Ok(ExitCode::from(1));
                }
            };
            let at = SystemClock.now().naive_utc();
            let n = db::groups::calendar::import(&mut conn, community, &years, at)?;
            println!(
                "imported {n} school year(s) for the {} Community",
                community.code()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn indicators(action: IndicatorsCommand) -> Result<ExitCode, Failure> {
    match action {
        IndicatorsCommand::Check { file } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
            let set = match domain::indicators::IndicatorSet::from_json(&text) {
                Ok(set) => set,
                Err(e) => {
                    eprintln!("traject: {}: {e}", file.display());
                    return Ok(ExitCode::from(1));
                }
            };
            // A closed pipe (`| head`) ends the listing quietly.
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            let mut lines = vec![format!(
                "{} version {} ({}): {} indicators; {}",
                set.key,
                set.version,
                set.funder,
                set.indicators.len(),
                set.source
            )];
            for i in &set.indicators {
                let counts = match &i.ratio {
                    Some(r) => format!("{} / {}", r.of, r.per),
                    None => i.unit.code().to_owned(),
                };
                lines.push(format!("{} {} [{counts}]", i.code, i.key));
                for lang in ["en", "nl", "fr", "de"] {
                    let words = i.wording.get(lang).map_or("(missing)", String::as_str);
                    lines.push(format!("  {lang}: {words}"));
                }
            }
            for line in lines {
                if writeln!(out, "{line}").is_err() {
                    break;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn synth(config: &Config, options: &db::synth::Options) -> Result<ExitCode, Failure> {
    let db = open(config, true)?;
    db::synth::check_empty(&mut *db.get()?)?;
    // A connection of its own: bulk loading changes how it journals.
    drop(db);
    let mut conn = db::DbConn::open(&config.database_url)?;
    let hash = NewPassword::parse(db::synth::SYNTH_PASSWORD)
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .hash();
    let started = std::time::Instant::now();
    let bar = indicatif::ProgressBar::new(1);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg:>14} [{bar:40}] {pos}/{len} ({eta})")
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .progress_chars("=> "),
    );
    let mut stage = "";
    let summary = db::synth::run(
        &mut conn,
        options,
        &hash,
        SystemClock.now().naive_utc(),
        &mut |what, done, total| {
            if what != stage {
                stage = what;
                bar.set_message(what);
                bar.set_length(total);
            }
            bar.set_position(done);
        },
    )
    .inspect_err(|_| {
        bar.abandon();
        // Bulk loading runs without a journal: nothing was rolled back.
        eprintln!("synth stopped halfway: the database holds part of the fictional data; empty it before running synth again");
    })?;
    bar.finish_and_clear();
    println!(
        "{} in {:.1} s",
        db::synth::describe(&summary, SystemClock.today()),
        started.elapsed().as_secs_f64()
    );
    println!(
        "logins: admin0@synth-000.example, coordinator0@…, cm0@… (password {})",
        db::synth::SYNTH_PASSWORD
    );
    Ok(ExitCode::SUCCESS)
}

fn check(config: &Config) -> Result<ExitCode, Failure> {
    println!(
        "ok    configuration: database {}",
        config.database_url.redacted()
    );
    let db = open(config, false)?;
    let mut conn = db.get()?;
    let findings = db::check::run(&mut conn, config.sealing_key.as_ref())?;
    let mut failed = false;
    for f in &findings {
        println!(
            "{:<5} {}: {}",
            if f.ok { "ok" } else { "FAIL" },
            f.check,
            f.detail
        );
        failed |= !f.ok;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn org(config: &Config, action: OrgCommand) -> Result<ExitCode, Failure> {
    let db = open(config, true)?;
    let mut conn = db.get()?;
    match action {
        OrgCommand::Add {
            slug,
            name,
            language,
        } => {
            db::admin::create_organisation(
                &mut conn,
                &slug,
                &name,
                language,
                SystemClock.now().naive_utc(),
            )
            .map_err(|e| {
                if e.is_unique_violation() {
                    anyhow::anyhow!("an organisation with slug {slug} already exists")
                } else {
                    e.into()
                }
            })?;
            println!("added organisation {slug}");
        }
        OrgCommand::List => {
            for o in db::repo::list_organisations(&mut conn)? {
                println!(
                    "{:<20} {:<4} {}{}",
                    o.slug,
                    o.default_language,
                    o.name,
                    if o.is_demo { " (demo)" } else { "" }
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn user(config: &Config, action: UserCommand) -> Result<ExitCode, Failure> {
    let db = open(config, true)?;
    let mut conn = db.get()?;
    let now = SystemClock.now().naive_utc();
    match action {
        UserCommand::Add {
            email,
            name,
            organisation,
            analyst,
            role,
            username,
            language,
        } => {
            let password = read_new_password(&[&email, &name])?;
            let new = db::repo::NewUser {
                email: &email,
                username: username.as_deref(),
                display_name: &name,
                preferred_language: language,
                grammatical_gender: None,
                password_hash: password.hash(),
            };
            match organisation {
                Some(slug) => {
                    let org = db::repo::organisation_by_slug(&mut conn, &slug)
                        .with_context(|| format!("organisation {slug}"))?;
                    let role = role.unwrap_or(Role::Administrator);
                    db::admin::create_user(&mut conn, new, Some((&org, role)), now)?;
                    println!("added {email} as {role} of {slug}");
                }
                None if analyst => {
                    db::admin::create_user(&mut conn, new, None, now)?;
                    println!("added {email} as analyst (aggregated figures only)");
                }
                None => return Err(anyhow::anyhow!("--organisation is required").into()),
            }
        }
        UserCommand::Passwd { email } => {
            let user = db::repo::user_by_email(&mut conn, &email)
                .with_context(|| format!("user {email}"))?;
            let password = read_new_password(&[&user.email, &user.display_name])?;
            let ended = db::admin::reset_password(&mut conn, &email, &password.hash(), now)?;
            println!("password changed for {email}; {ended} session(s) ended");
        }
        UserCommand::ResetTwoStep { email } => {
            let ended = db::admin::reset_second_factor(&mut conn, &email, now)
                .with_context(|| format!("user {email}"))?;
            println!("two-step verification turned off for {email}; {ended} session(s) ended");
        }
        UserCommand::Disable { email } => {
            let ended = db::admin::set_active(&mut conn, &email, false, now)
                .with_context(|| format!("user {email}"))?;
            println!("disabled {email}; {ended} session(s) ended");
        }
        UserCommand::Enable { email } => {
            db::admin::set_active(&mut conn, &email, true, now)
                .with_context(|| format!("user {email}"))?;
            println!("enabled {email}");
        }
        UserCommand::List => {
            for (u, memberships) in db::repo::list_users(&mut conn)? {
                let roles: Vec<String> = memberships
                    .iter()
                    .map(|(o, r)| format!("{o}:{r}"))
                    .collect();
                println!(
                    "{:<36} {:<8} {:<30} {}",
                    u.email,
                    if u.active { "active" } else { "disabled" },
                    u.display_name,
                    roles.join(",")
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads a new password from the terminal (twice) or one line of stdin; never from argv.
fn read_new_password(about_the_user: &[&str]) -> Result<NewPassword, Failure> {
    let text = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("New password: ").context("reading password")?;
        let again = rpassword::prompt_password("Repeat password: ").context("reading password")?;
        if first != again {
            return Err(anyhow::anyhow!("the two passwords differ").into());
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("reading password from stdin")?;
        line.trim_end_matches(['\n', '\r']).to_owned()
    };
    NewPassword::parse_for(&text, about_the_user).map_err(|e| Failure::Failed(e.into()))
}
