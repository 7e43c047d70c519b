#include "integrations/github/workflowpipeline.h"

#include "common/translate.h"
#include "config/expression.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace DeployDesk {

namespace {

// A stage name for a job's leg: the job id, then its matrix values, each made of the
// characters a stage name may hold ("test.ubuntu-latest.3.10").
QString stageName(const PlannedJob &job, QSet<QString> &taken)
{
    static const QRegularExpression invalid(QStringLiteral("[^A-Za-z0-9_.-]+"));
    QString name = job.id;
    for (auto it = job.matrix.begin(); it != job.matrix.end(); ++it) {
        QString value =
            it.value().isString()
                ? it.value().toString()
                : QString::fromUtf8(
                      QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact))
                      .mid(1)
                      .chopped(1);
        value.replace(invalid, QStringLiteral("_"));
        name += u'.' + value;
    }
    QString unique = name;
    for (int n = 2; taken.contains(unique); ++n)
        unique = name + QStringLiteral(".%1").arg(n);
    taken.insert(unique);
    return unique;
}

// The secrets a job reads: `secrets.NAME` and `secrets['NAME']` in its text (the job's
// lines of the file, and the workflow's env, which every job sees).
QStringList secretsOf(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral(
            "secrets\\s*(?:\\.\\s*([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*'([A-Za-z_][A-Za-z0-9_]*)"
            "'\\s*\\])"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList names;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString name = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

} // namespace

WorkflowPipeline workflowPipeline(const Workflow &workflow, const WorkflowPlan &plan,
                                  const WorkflowPlanOptions &options, const QString &path,
                                  const QStringList &jobsAsked)
{
    WorkflowPipeline result;
    Pipeline &pipeline = result.pipeline;
    QStringList &selection = result.selection;
    pipeline.name = workflow.displayName();
    pipeline.filePath = QFileInfo(path).absoluteFilePath();
    pipeline.workspaceDir = options.workspaceDir;
    // The file's lines of each job (its key up to the next job's) and the lines before the
    // jobs: where its secrets are named.
    QFile source(path);
    const QStringList lines = source.open(QIODevice::ReadOnly)
                                  ? QString::fromUtf8(source.readAll()).split(u'\n')
                                  : QStringList();
    auto linesOf = [&](const WorkflowJob &job) {
        int end = int(lines.size());
        for (const WorkflowJob &other : workflow.jobs) {
            if (other.where.line > job.where.line)
                end = std::min(end, other.where.line - 1);
        }
        int first = int(lines.size());
        for (const WorkflowJob &other : workflow.jobs)
            first = std::min(first, other.where.line - 1);
        return lines.mid(0, first).join(u'\n') + u'\n' +
               lines.mid(job.where.line - 1, end - job.where.line + 1).join(u'\n');
    };

    QSet<QString> taken;
    QHash<QString, QStringList> legs; // job id -> its stages
    for (const PlannedJob &job : plan.jobs)
        legs[job.id].append(stageName(job, taken));
    QHash<QString, int> legIndex;
    for (const PlannedJob &job : plan.jobs) {
        const WorkflowJob &written = *workflow.job(job.id);
        const int index = legIndex[job.id]++;
        Stage stage;
        stage.name = legs.value(job.id).at(index);
        stage.uses = QStringLiteral("github-job");
        QJsonObject needs;
        for (const QString &need : job.needs) {
            needs.insert(need, QJsonArray::fromStringList(legs.value(need)));
            stage.needs += legs.value(need);
        }
        // Every secret is optional, as on GitHub: one that is not set reads as "".
        const QStringList secrets = secretsOf(linesOf(written));
        stage.secrets = secrets;
        stage.optionalSecrets = secrets;
        auto compact = [](const QJsonObject &object) {
            return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
        };
        stage.with = QVariantMap{
            {QStringLiteral("workflow"), pipeline.filePath},
            {QStringLiteral("job"), job.id},
            {QStringLiteral("matrix"), compact(job.matrix)},
            {QStringLiteral("event"), plan.event},
            {QStringLiteral("inputs"), compact(plan.inputs)},
            {QStringLiteral("needs"), compact(needs)},
            {QStringLiteral("secrets"), secrets},
            {QStringLiteral("repository"), options.repository},
            {QStringLiteral("api-url"), options.apiUrl},
            {QStringLiteral("strategy"),
             compact(QJsonObject{{QStringLiteral("fail-fast"), written.failFast.text != u"false"},
                                 {QStringLiteral("job-index"), index},
                                 {QStringLiteral("job-total"), int(legs.value(job.id).size())}})},
        };
        if (!job.runsHere)
            stage.skipReason = tr("not run here: %1").arg(job.reason);
        else if (job.decision == PlannedJob::Decision::Skipped)
            stage.skipReason = job.conditionNote;
        // timeout-minutes, GitHub's default 360 when it is not a plain number.
        bool minutesOk = false;
        const double minutes = written.timeoutMinutes.text.toDouble(&minutesOk);
        stage.timeout =
            std::chrono::milliseconds(qint64((minutesOk && minutes > 0 ? minutes : 360.0) * 60000));
        stage.continueOnError = written.continueOnError.text == u"true";
        // `if: always()`, `failure()`, `cancelled()`: the job runs (or decides) after jobs it
        // needs failed, as on GitHub.
        if (written.condition.isSet()) {
            if (const auto condition = Condition::parse(written.condition.text)) {
                const QSet<QString> functions = condition->expression().functions();
                stage.runsAfterFailedNeeds = functions.contains(QStringLiteral("always")) ||
                                             functions.contains(QStringLiteral("failure")) ||
                                             functions.contains(QStringLiteral("cancelled"));
            }
        }
        stage.location = job.where;
        if (jobsAsked.contains(job.id))
            selection.append(stage.name);
        pipeline.stages.append(std::move(stage));
    }

    return result;
}

} // namespace DeployDesk
