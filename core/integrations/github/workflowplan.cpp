#include "integrations/github/workflowplan.h"

#include "common/translate.h"
#include "config/expression.h"
#include "config/workflowloader.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStandardPaths>
#include <QUrl>

#include <functional>

namespace DeployDesk {

namespace {

// One matrix leg: its values in axis order (a QJsonObject would sort them by name, and
// GitHub names legs in axis order).
using Leg = QList<std::pair<QString, QJsonValue>>;

const QJsonValue *find(const Leg &leg, const QString &key)
{
    for (const auto &[name, value] : leg) {
        if (name == key)
            return &value;
    }
    return nullptr;
}

void set(Leg &leg, const QString &key, const QJsonValue &value)
{
    for (auto &[name, existing] : leg) {
        if (name == key) {
            existing = value;
            return;
        }
    }
    leg.append({key, value});
}

QJsonObject toObject(const Leg &leg)
{
    QJsonObject object;
    for (const auto &[name, value] : leg)
        object.insert(name, value);
    return object;
}

QString valueText(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return exprToString(value);
}

// GitHub's expansion: the product of the axes, minus every combination an `exclude` entry
// matches (on the keys it names), then each `include` entry added to every original
// combination whose axis values it does not contradict (it may overwrite values an earlier
// include added, never an axis value), or appended as a combination of its own when it
// fits none.
QList<Leg> expand(const QList<std::pair<QString, QJsonArray>> &axes, const QJsonArray &include,
                  const QJsonArray &exclude)
{
    QList<Leg> legs;
    if (!axes.isEmpty()) {
        legs.append(Leg{});
        for (const auto &[name, values] : axes) {
            QList<Leg> next;
            for (const Leg &leg : std::as_const(legs)) {
                for (const QJsonValue &value : values) {
                    Leg extended = leg;
                    extended.append({name, value});
                    next.append(std::move(extended));
                }
            }
            legs = std::move(next);
        }
    }
    auto matches = [](const Leg &leg, const QJsonObject &entry, bool axesOnly,
                      const QSet<QString> &axisNames) {
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            if (axesOnly && !axisNames.contains(it.key()))
                continue;
            const QJsonValue *value = find(leg, it.key());
            if (!value || *value != it.value())
                return false;
        }
        return true;
    };
    QSet<QString> axisNames;
    for (const auto &axis : axes)
        axisNames.insert(axis.first);
    for (const QJsonValue &entry : exclude) {
        legs.removeIf([&](const Leg &leg) { return matches(leg, entry.toObject(), false, {}); });
    }
    const qsizetype original = legs.size();
    for (const QJsonValue &value : include) {
        const QJsonObject entry = value.toObject();
        bool added = false;
        for (qsizetype i = 0; i < original; ++i) {
            if (!matches(legs[i], entry, true, axisNames))
                continue;
            for (auto it = entry.begin(); it != entry.end(); ++it)
                set(legs[i], it.key(), it.value());
            added = true;
        }
        if (!added) {
            // Axis values first, in axis order, as in every other leg's name; then the rest.
            Leg leg;
            for (const auto &axis : axes) {
                if (entry.contains(axis.first))
                    leg.append({axis.first, entry.value(axis.first)});
            }
            for (auto it = entry.begin(); it != entry.end(); ++it) {
                if (!axisNames.contains(it.key()))
                    leg.append({it.key(), it.value()});
            }
            legs.append(std::move(leg));
        }
    }
    return legs;
}

QString findCommand(const QString &name, const QProcessEnvironment &environment)
{
    const QStringList path =
        environment.value(QStringLiteral("PATH")).split(u':', Qt::SkipEmptyParts);
    return QStandardPaths::findExecutable(name, path);
}

QString stepName(const WorkflowStep &step)
{
    if (step.name.isSet() && !step.name.text.isEmpty())
        return step.name.text;
    if (step.run.isSet())
        return tr("Run %1").arg(step.run.text.section(u'\n', 0, 0).trimmed());
    return tr("Run %1").arg(step.uses.text);
}

class Planner final
{
public:
    Planner(const Workflow &workflow, const WorkflowPlanOptions &options, WorkflowPlan &plan)
        : m_workflow(workflow)
        , m_options(options)
        , m_plan(plan)
    {}

    void plan()
    {
        m_plan.event = m_options.event;
        if (!m_workflow.on.has(m_options.event)) {
            m_plan.triggered = false;
            m_plan.problems.append(
                tr("the workflow does not run on \"%1\"; it runs on: %2")
                    .arg(m_options.event, m_workflow.on.events.isEmpty()
                                              ? tr("no event")
                                              : m_workflow.on.events.join(QStringLiteral(", "))));
        }
        QJsonObject inputs;
        if (m_options.event == u"workflow_dispatch") {
            inputs = workflowInputs(m_workflow, m_options.inputs, m_plan.problems);
        } else if (!m_options.inputs.isEmpty()) {
            m_plan.problems.append(tr("--input is for --event workflow_dispatch; the \"%1\" "
                                      "event has no inputs")
                                       .arg(m_options.event));
        }
        m_context.contexts.insert(QStringLiteral("github"),
                                  githubContext(m_workflow, m_options, inputs));
        m_context.contexts.insert(QStringLiteral("inputs"), inputs);
        m_plan.inputs = inputs;
        m_context.contexts.insert(QStringLiteral("vars"), QJsonObject());
        for (const WorkflowJob *job : ordered())
            planJob(*job);
    }

private:
    // Jobs in waves: first those that need nothing, then those whose needs are all in
    // earlier waves, and so on; file order within a wave. The loader has refused cycles; a
    // job in one would never be ready, so such jobs are appended last regardless.
    QList<const WorkflowJob *> ordered() const
    {
        QList<const WorkflowJob *> result;
        QSet<QString> placed;
        while (result.size() < m_workflow.jobs.size()) {
            QList<const WorkflowJob *> wave;
            for (const WorkflowJob &job : m_workflow.jobs) {
                if (placed.contains(job.id))
                    continue;
                bool ready = true;
                for (const auto &need : job.needs)
                    ready = ready && (placed.contains(need.first) || !m_workflow.job(need.first));
                if (ready)
                    wave.append(&job);
            }
            if (wave.isEmpty())
                break;
            for (const WorkflowJob *job : std::as_const(wave)) {
                result.append(job);
                placed.insert(job->id);
            }
        }
        for (const WorkflowJob &job : m_workflow.jobs) {
            if (!placed.contains(job.id))
                result.append(&job);
        }
        return result;
    }

    std::optional<QJsonValue> evaluate(const WorkflowText &text, const ExprContext &context,
                                       const QString &what)
    {
        const auto parsed = ExprTemplate::parse(text.text);
        if (!parsed) // the loader has reported it
            return std::nullopt;
        const auto value = parsed->evaluateValue(context);
        if (!value) {
            m_plan.problems.append(
                tr("%1: %2: %3").arg(text.where.toString(), what, value.error().message));
            return std::nullopt;
        }
        return *value;
    }

    // The matrix legs of `job`; nullopt when it cannot be known before the run.
    std::optional<QList<Leg>> legs(const WorkflowJob &job)
    {
        const WorkflowMatrix &matrix = job.matrix;
        if (!matrix.isSet())
            return QList<Leg>{Leg{}};
        QList<std::pair<QString, QJsonArray>> axes = matrix.axes;
        QJsonArray include = matrix.include;
        QJsonArray exclude = matrix.exclude;
        const QString what = tr("the matrix of job \"%1\"").arg(job.id);
        auto usesNeeds = [](const WorkflowText &text) {
            const auto parsed = ExprTemplate::parse(text.text);
            return parsed && parsed->contexts().contains(QStringLiteral("needs"));
        };
        if (matrix.expression.isSet()) {
            if (usesNeeds(matrix.expression))
                return std::nullopt;
            const auto value = evaluate(matrix.expression, m_context, what);
            if (!value)
                return QList<Leg>{};
            if (!value->isObject()) {
                m_plan.problems.append(
                    tr("%1: %2 must be a map of axes; the expression gives "
                       "%3")
                        .arg(matrix.expression.where.toString(), what, valueText(*value)));
                return QList<Leg>{};
            }
            const QJsonObject object = value->toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (it.key() == u"include")
                    include = it.value().toArray();
                else if (it.key() == u"exclude")
                    exclude = it.value().toArray();
                else
                    axes.append({it.key(), it.value().isArray() ? it.value().toArray()
                                                                : QJsonArray{it.value()}});
            }
        }
        for (const auto &[name, text] : matrix.axisExpressions) {
            if (usesNeeds(text))
                return std::nullopt;
            const auto value = evaluate(text, m_context, what);
            if (!value)
                return QList<Leg>{};
            const QJsonArray list = value->isArray() ? value->toArray() : QJsonArray{*value};
            if (name == u"include")
                include = list;
            else if (name == u"exclude")
                exclude = list;
            else
                axes.append({name, list});
        }
        QList<Leg> result = expand(axes, include, exclude);
        if (result.isEmpty()) {
            m_plan.problems.append(tr("%1: %2 makes no jobs: every combination is excluded")
                                       .arg(matrix.where.toString(), what));
        } else if (result.size() > 256) {
            m_plan.problems.append(tr("%1: %2 makes %3 jobs; GitHub allows at most 256")
                                       .arg(matrix.where.toString(), what)
                                       .arg(result.size()));
            result.clear();
        }
        return result;
    }

    void planJob(const WorkflowJob &job)
    {
        const std::optional<QList<Leg>> matrixLegs = legs(job);
        if (!matrixLegs) {
            PlannedJob planned = basics(job, Leg{});
            planned.decision = PlannedJob::Decision::AtRunTime;
            planned.conditionNote = tr("its matrix comes from the jobs it needs: known when "
                                       "they have run");
            m_plan.jobs.append(std::move(planned));
            return;
        }
        for (const Leg &leg : *matrixLegs)
            m_plan.jobs.append(basics(job, leg));
    }

    PlannedJob basics(const WorkflowJob &job, const Leg &leg)
    {
        PlannedJob planned;
        planned.id = job.id;
        planned.where = job.where;
        planned.matrix = toObject(leg);
        for (const auto &need : job.needs)
            planned.needs.append(need.first);
        ExprContext context = m_context;
        context.contexts.insert(QStringLiteral("matrix"), planned.matrix);
        context.contexts.insert(
            QStringLiteral("strategy"),
            QJsonObject{{QStringLiteral("fail-fast"), job.failFast.text != u"false"},
                        {QStringLiteral("job-total"), 1},
                        {QStringLiteral("job-index"), 0}});

        // The name: `name:` evaluated, else the id; matrix values appended unless the name
        // uses them itself (as GitHub does).
        planned.name = job.id;
        bool nameUsesMatrix = false;
        if (job.name.isSet() && !job.name.text.isEmpty()) {
            if (const auto parsed = ExprTemplate::parse(job.name.text)) {
                nameUsesMatrix = parsed->contexts().contains(QStringLiteral("matrix"));
                if (!parsed->contexts().contains(QStringLiteral("needs"))) {
                    if (const auto value = parsed->evaluate(context))
                        planned.name = *value;
                } else {
                    planned.name = job.name.text;
                }
            }
        }
        if (!leg.isEmpty() && !nameUsesMatrix) {
            QStringList values;
            for (const auto &[name, value] : leg)
                values.append(valueText(value));
            planned.name += QStringLiteral(" (%1)").arg(values.join(QStringLiteral(", ")));
        }
        if (job.environmentName.isSet()) {
            if (const auto value = evaluate(job.environmentName, context, tr("\"environment\"")))
                planned.environment = exprToString(*value);
        }

        decide(job, context, planned);
        placement(job, context, planned);
        for (const WorkflowStep &step : job.steps)
            planned.steps.append(planStep(job, step, context));
        return planned;
    }

    void decide(const WorkflowJob &job, const ExprContext &context, PlannedJob &planned)
    {
        if (!job.condition.isSet())
            return;
        const auto condition = Condition::parse(job.condition.text);
        if (!condition)
            return;
        const QString written = job.condition.text.trimmed();
        const QSet<QString> functions = condition->expression().functions();
        if (condition->expression().contexts().contains(QStringLiteral("needs")) ||
            functions.contains(QStringLiteral("failure")) ||
            functions.contains(QStringLiteral("cancelled"))) {
            planned.decision = PlannedJob::Decision::AtRunTime;
            planned.conditionNote =
                tr("if: %1 depends on the jobs it needs: decided when they end").arg(written);
            return;
        }
        const auto value = condition->evaluate(context);
        if (!value) {
            m_plan.problems.append(
                tr("%1: \"if\" of job \"%2\": %3")
                    .arg(job.condition.where.toString(), job.id, value.error().message));
            return;
        }
        planned.decision = *value ? PlannedJob::Decision::Runs : PlannedJob::Decision::Skipped;
        planned.conditionNote =
            *value ? tr("if: %1 is true").arg(written) : tr("if: %1 is false").arg(written);
    }

    void placement(const WorkflowJob &job, const ExprContext &context, PlannedJob &planned)
    {
        if (job.uses.isSet()) {
            planned.runsHere = false;
            planned.reason = tr("calls the reusable workflow \"%1\"; reusable workflows run "
                                "on GitHub only")
                                 .arg(job.uses.text);
            return;
        }
        if (job.container.isSet()) {
            planned.runsHere = false;
            planned.reason = tr("runs in the container \"%1\"; containers are not run here "
                                "(run the workflow on GitHub, or drop \"container\")")
                                 .arg(job.container.text);
            return;
        }
        if (!job.services.isEmpty()) {
            planned.runsHere = false;
            planned.reason = tr("needs the service containers %1; containers are not run here "
                                "(run the workflow on GitHub)")
                                 .arg(job.services.join(QStringLiteral(", ")));
            return;
        }
        for (const QString &label : job.runsOnLabels) {
            QString evaluated = label;
            if (label.contains(QLatin1String("${{"))) {
                const auto value = evaluate(WorkflowText{label, job.runsOn.where}, context,
                                            tr("\"runs-on\" of job \"%1\"").arg(job.id));
                if (!value)
                    continue;
                evaluated = valueText(*value);
            }
            const QString lower = evaluated.toLower();
            if (lower.contains(QLatin1String("windows"))) {
                planned.runsHere = false;
                planned.reason = tr("needs a Windows runner (runs-on: %1); this machine runs "
                                    "Linux")
                                     .arg(evaluated);
            } else if (lower.contains(QLatin1String("macos"))) {
                planned.runsHere = false;
                planned.reason = tr("needs a macOS runner (runs-on: %1); this machine runs "
                                    "Linux")
                                     .arg(evaluated);
            }
        }
    }

    PlannedStep planStep(const WorkflowJob &job, const WorkflowStep &step,
                         const ExprContext &context)
    {
        PlannedStep planned;
        planned.index = step.index;
        planned.where = step.where;
        planned.name = stepName(step);
        // What is known before the run (github, inputs, vars, the matrix leg) is filled in
        // the step's name and decides its `if:`; anything reading steps, env, job, runner
        // or needs waits for the run.
        static const QSet<QString> known{QStringLiteral("github"), QStringLiteral("inputs"),
                                         QStringLiteral("vars"), QStringLiteral("matrix"),
                                         QStringLiteral("strategy")};
        if (step.name.isSet() && step.name.text.contains(QLatin1String("${{"))) {
            const auto parsed = ExprTemplate::parse(step.name.text);
            if (parsed && known.contains(parsed->contexts())) {
                if (const auto value = parsed->evaluate(context))
                    planned.name = *value;
            }
        }
        if (step.condition.isSet()) {
            planned.condition = step.condition.text.trimmed();
            const auto condition = Condition::parse(step.condition.text);
            const QSet<QString> functions =
                condition ? condition->expression().functions() : QSet<QString>();
            if (condition && known.contains(condition->expression().contexts()) &&
                !functions.contains(QStringLiteral("failure")) &&
                !functions.contains(QStringLiteral("cancelled")) &&
                !functions.contains(QStringLiteral("hashfiles"))) {
                // Assuming the steps before it succeed, as the plan does for jobs.
                if (const auto value = condition->evaluate(context))
                    planned.conditionValue = *value;
            }
        }
        if (step.run.isSet()) {
            WorkflowText shell = step.shell;
            if (!shell.isSet())
                shell = job.defaults.shell;
            if (!shell.isSet())
                shell = m_workflow.defaults.shell;
            QString shellText = shell.text;
            if (shellText.contains(QLatin1String("${{"))) {
                const auto value = evaluate(shell, context, tr("\"shell\""));
                shellText = value ? exprToString(*value) : QString();
            }
            QString why;
            planned.shell = shellCommand(shellText, m_options.environment, &why);
            if (planned.shell.isEmpty()) {
                planned.kind = PlannedStep::Kind::NotRun;
                planned.reason = why;
            }
            return planned;
        }
        const QString uses = step.uses.text.trimmed();
        if (uses.startsWith(QLatin1String("./"))) {
            const QString dir = QDir(m_options.workspaceDir).filePath(uses);
            const LocalActionLoadResult action =
                WorkflowLoader::loadLocalAction(dir, m_options.workspaceDir);
            if (!action.ok()) {
                planned.kind = PlannedStep::Kind::NotRun;
                planned.reason = action.diagnostics.constFirst().toString();
            } else if (action.action.runsUsing != u"composite") {
                planned.kind = PlannedStep::Kind::NotRun;
                planned.reason = tr("\"%1\" is a %2 action; only composite actions run here")
                                     .arg(uses, action.action.runsUsing);
            } else {
                planned.kind = PlannedStep::Kind::Composite;
                planned.reason = tr("local composite action");
            }
        } else if (const QString why = remoteActionNotRun(uses); why.isEmpty()) {
            planned.kind = PlannedStep::Kind::Workspace;
            planned.reason = tr("the workspace is the checkout: nothing is cloned");
        } else {
            planned.kind = PlannedStep::Kind::NotRun;
            planned.reason = why;
        }
        return planned;
    }

    const Workflow &m_workflow;
    const WorkflowPlanOptions &m_options;
    WorkflowPlan &m_plan;
    ExprContext m_context;
};

} // namespace

QString remoteActionNotRun(const QString &uses)
{
    if (uses.startsWith(QLatin1String("docker://")))
        return tr("\"%1\" is a Docker container action; containers are not run here").arg(uses);
    if (uses.section(u'@', 0, 0).compare(QLatin1String("actions/checkout"), Qt::CaseInsensitive) ==
        0)
        return {};
    return tr("\"%1\" is an action from GitHub; only \"run\" steps, actions/checkout and local "
              "composite actions run here")
        .arg(uses);
}

// Only for bash and sh (the default): one line of plain words — no quotes, variables,
// globs, redirections, operators, comments or assignments, so the shell would do nothing
// but look the first word up and run it — whose first word is a program on the step's
// PATH, named without a slash (a builtin such as cd, exit, source or let, a missing
// command or ./script stays the shell's, with the shell's message) and not one whose program prints
// other than the builtin (time; pwd, which shows the physical path).
QString directStepCommand(const QString &shell, const QString &script,
                          const QProcessEnvironment &environment)
{
    const QString name = shell.trimmed();
    if (!name.isEmpty() && name != u"bash" && name != u"sh")
        return {};
    const QString line = script.trimmed();
    if (line.isEmpty() || line.size() > 1000)
        return {};
    const bool plain = std::all_of(line.cbegin(), line.cend(), [](QChar c) {
        return (c.unicode() < 128 && c.isLetterOrNumber()) ||
               QStringView(u"_./:@%+,-= ").contains(c);
    });
    if (!plain)
        return {};
    const QString first = line.section(u' ', 0, 0);
    if (first.contains(u'=') || first.contains(u'/') || first == u"time" || first == u"pwd" ||
        findCommand(first, environment).isEmpty())
        return {};
    return line;
}

QString shellCommand(const QString &shell, const QProcessEnvironment &environment, QString *why)
{
    auto need = [&](const QString &command, const QString &line) {
        if (!findCommand(command, environment).isEmpty())
            return line;
        if (why)
            *why = tr("the shell \"%1\" needs \"%2\" on PATH, and it is not there")
                       .arg(shell, command);
        return QString();
    };
    const QString name = shell.trimmed();
    if (name.isEmpty()) {
        if (!findCommand(QStringLiteral("bash"), environment).isEmpty())
            return QStringLiteral("bash -e {0}");
        return QStringLiteral("sh -e {0}");
    }
    if (name == u"bash")
        return need(name, QStringLiteral("bash --noprofile --norc -eo pipefail {0}"));
    if (name == u"sh")
        return need(name, QStringLiteral("sh -e {0}"));
    if (name == u"python")
        return need(name, QStringLiteral("python {0}"));
    if (name == u"pwsh")
        return need(name, QStringLiteral("pwsh -command \". '{0}'\""));
    if (name == u"powershell" || name == u"cmd") {
        if (why)
            *why = tr("the shell \"%1\" exists on Windows runners only").arg(name);
        return {};
    }
    if (!name.contains(QLatin1String("{0}"))) {
        if (why)
            *why = tr("the custom shell \"%1\" must name the script file as {0}, e.g. "
                      "\"perl {0}\"")
                       .arg(name);
        return {};
    }
    return need(name.section(u' ', 0, 0, QString::SectionSkipEmpty), name);
}

QJsonObject workflowInputs(const Workflow &workflow, const QMap<QString, QString> &given,
                           QStringList &problems)
{
    QJsonObject inputs;
    QStringList names;
    for (const WorkflowInput &input : workflow.on.dispatchInputs)
        names.append(input.name);
    for (auto it = given.begin(); it != given.end(); ++it) {
        if (!names.contains(it.key())) {
            problems.append(names.isEmpty()
                                ? tr("--input %1: the workflow takes no inputs").arg(it.key())
                                : tr("--input %1: the workflow has no such input; its inputs: "
                                     "%2")
                                      .arg(it.key(), names.join(QStringLiteral(", "))));
        }
    }
    for (const WorkflowInput &input : workflow.on.dispatchInputs) {
        const bool isGiven = given.contains(input.name);
        if (!isGiven && !input.defaultValue) {
            if (input.required) {
                problems.append(
                    tr("input \"%1\" is required; give it with --input %1=VALUE").arg(input.name));
            }
            // GitHub gives an unset input with no default as "" (false for a boolean).
            inputs.insert(input.name,
                          input.type == u"boolean" ? QJsonValue(false) : QJsonValue(QString()));
            continue;
        }
        const QString text = isGiven ? given.value(input.name) : *input.defaultValue;
        if (input.type == u"boolean") {
            if (text != u"true" && text != u"false") {
                problems.append(tr("input \"%1\" is a boolean: give true or false; found \"%2\"")
                                    .arg(input.name, text));
                continue;
            }
            inputs.insert(input.name, text == u"true");
        } else if (input.type == u"number") {
            bool ok = false;
            const double number = text.toDouble(&ok);
            if (!ok) {
                problems.append(tr("input \"%1\" is a number; found \"%2\"").arg(input.name, text));
                continue;
            }
            inputs.insert(input.name, number);
        } else {
            if (input.type == u"choice" && !input.options.contains(text)) {
                problems.append(
                    tr("input \"%1\" must be one of: %2; found \"%3\"")
                        .arg(input.name, input.options.join(QStringLiteral(", ")), text));
                continue;
            }
            inputs.insert(input.name, text);
        }
    }
    return inputs;
}

QJsonObject githubContext(const Workflow &workflow, const WorkflowPlanOptions &facts,
                          const QJsonObject &inputs)
{
    QJsonObject event;
    if (facts.event == u"workflow_dispatch") {
        QJsonObject asText; // github.event.inputs holds every input as a string
        for (auto it = inputs.begin(); it != inputs.end(); ++it)
            asText.insert(it.key(), exprToString(it.value()));
        event.insert(QStringLiteral("inputs"), asText);
    }
    const QString &ref = facts.ref;
    // GitHub Enterprise Server: the API at https://HOST/api/v3, GraphQL at /api/graphql.
    QString server = QStringLiteral("https://github.com");
    QString api = QStringLiteral("https://api.github.com");
    QString graphql = QStringLiteral("https://api.github.com/graphql");
    if (const QUrl url(facts.apiUrl);
        !facts.apiUrl.isEmpty() && url.isValid() && url.host() != u"api.github.com") {
        api = facts.apiUrl;
        while (api.endsWith(u'/'))
            api.chop(1);
        server = url.adjusted(QUrl::RemovePath).toString();
        graphql = server + QStringLiteral("/api/graphql");
    }
    return QJsonObject{
        {QStringLiteral("event_name"), facts.event},
        {QStringLiteral("event"), event},
        {QStringLiteral("ref"), ref},
        {QStringLiteral("ref_name"), ref.section(u'/', 2)},
        {QStringLiteral("ref_type"), ref.startsWith(QLatin1String("refs/tags/"))
                                         ? QStringLiteral("tag")
                                         : QStringLiteral("branch")},
        {QStringLiteral("sha"), facts.sha},
        {QStringLiteral("repository"), facts.repository},
        {QStringLiteral("repository_owner"), facts.repository.section(u'/', 0, 0)},
        {QStringLiteral("actor"), facts.actor},
        {QStringLiteral("triggering_actor"), facts.actor},
        {QStringLiteral("workspace"), facts.workspaceDir},
        {QStringLiteral("workflow"), workflow.displayName()},
        {QStringLiteral("server_url"), server},
        {QStringLiteral("api_url"), api},
        {QStringLiteral("graphql_url"), graphql},
        {QStringLiteral("head_ref"), QString()},
        {QStringLiteral("base_ref"), QString()},
    };
}

WorkflowPlan planWorkflow(const Workflow &workflow, const WorkflowPlanOptions &options)
{
    WorkflowPlan plan;
    Planner(workflow, options, plan).plan();
    return plan;
}

} // namespace DeployDesk
