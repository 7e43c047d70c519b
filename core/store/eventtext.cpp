#include "store/eventtext.h"

#include "common/translate.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QTranslator>

#include <array>
#include <memory>
#include <utility>

namespace DeployDesk {

namespace {

constexpr const char *kContext = "DeployDesk";

constexpr std::array<std::pair<EventKind, const char *>, 27> kNames{{
    {EventKind::Note, "note"},
    {EventKind::Started, "started"},
    {EventKind::Finished, "finished"},
    {EventKind::StageStarted, "stage-started"},
    {EventKind::StageFinished, "stage-finished"},
    {EventKind::Retry, "retry"},
    {EventKind::CancelRequested, "cancel-requested"},
    {EventKind::Interrupted, "interrupted"},
    {EventKind::ApprovalRequested, "approval-requested"},
    {EventKind::Approved, "approved"},
    {EventKind::Refused, "refused"},
    {EventKind::ArtifactMissing, "artifact-missing"},
    {EventKind::RecordFailed, "record-failed"},
    {EventKind::Queued, "queued"},
    {EventKind::QueueFailed, "queue-failed"},
    {EventKind::Deployed, "deployed"},
    {EventKind::Release, "release"},
    {EventKind::RollbackPlan, "rollback-plan"},
    {EventKind::AutoRollback, "auto-rollback"},
    {EventKind::RollbackHeld, "rollback-held"},
    {EventKind::RollbackImpossible, "rollback-impossible"},
    {EventKind::RolledBack, "rolled-back"},
    {EventKind::RollbackFailed, "rollback-failed"},
    {EventKind::IndexSwitched, "index-switched"},
    {EventKind::IndexSwitchFailed, "index-switch-failed"},
    {EventKind::GitHub, "github"},
    {EventKind::Inputs, "inputs"},
}};

// The short labels of the events table.
constexpr std::array<std::pair<EventKind, const char *>, 27> kLabels{{
    {EventKind::Note, QT_TRANSLATE_NOOP("DeployDesk", "Note")},
    {EventKind::Started, QT_TRANSLATE_NOOP("DeployDesk", "Started")},
    {EventKind::Finished, QT_TRANSLATE_NOOP("DeployDesk", "Finished")},
    {EventKind::StageStarted, QT_TRANSLATE_NOOP("DeployDesk", "Stage started")},
    {EventKind::StageFinished, QT_TRANSLATE_NOOP("DeployDesk", "Stage finished")},
    {EventKind::Retry, QT_TRANSLATE_NOOP("DeployDesk", "Retry")},
    {EventKind::CancelRequested, QT_TRANSLATE_NOOP("DeployDesk", "Cancel requested")},
    {EventKind::Interrupted, QT_TRANSLATE_NOOP("DeployDesk", "Interrupted")},
    {EventKind::ApprovalRequested, QT_TRANSLATE_NOOP("DeployDesk", "Approval requested")},
    {EventKind::Approved, QT_TRANSLATE_NOOP("DeployDesk", "Approved")},
    {EventKind::Refused, QT_TRANSLATE_NOOP("DeployDesk", "Refused")},
    {EventKind::ArtifactMissing, QT_TRANSLATE_NOOP("DeployDesk", "Artifact missing")},
    {EventKind::RecordFailed, QT_TRANSLATE_NOOP("DeployDesk", "Not recorded")},
    {EventKind::Queued, QT_TRANSLATE_NOOP("DeployDesk", "Queued")},
    {EventKind::QueueFailed, QT_TRANSLATE_NOOP("DeployDesk", "Queue failed")},
    {EventKind::Deployed, QT_TRANSLATE_NOOP("DeployDesk", "Deployed")},
    {EventKind::Release, QT_TRANSLATE_NOOP("DeployDesk", "Release")},
    {EventKind::RollbackPlan, QT_TRANSLATE_NOOP("DeployDesk", "Rollback plan")},
    {EventKind::AutoRollback, QT_TRANSLATE_NOOP("DeployDesk", "Automatic rollback")},
    {EventKind::RollbackHeld, QT_TRANSLATE_NOOP("DeployDesk", "Rollback held")},
    {EventKind::RollbackImpossible, QT_TRANSLATE_NOOP("DeployDesk", "Rollback impossible")},
    {EventKind::RolledBack, QT_TRANSLATE_NOOP("DeployDesk", "Rolled back")},
    {EventKind::RollbackFailed, QT_TRANSLATE_NOOP("DeployDesk", "Rollback failed")},
    {EventKind::IndexSwitched, QT_TRANSLATE_NOOP("DeployDesk", "Index switched")},
    {EventKind::IndexSwitchFailed, QT_TRANSLATE_NOOP("DeployDesk", "Index switch failed")},
    {EventKind::GitHub, QT_TRANSLATE_NOOP("DeployDesk", "GitHub")},
    {EventKind::Inputs, QT_TRANSLATE_NOOP("DeployDesk", "Inputs")},
}};

// Status words as they stand in a sentence ("stage lint: failed"), by stable name. A stage
// failure allowed by continue-on-error is a word of its own.
constexpr std::array<std::pair<const char *, const char *>, 9> kStatusWords{{
    {"pending", QT_TRANSLATE_NOOP("DeployDesk", "pending")},
    {"queued", QT_TRANSLATE_NOOP("DeployDesk", "queued")},
    {"running", QT_TRANSLATE_NOOP("DeployDesk", "running")},
    {"success", QT_TRANSLATE_NOOP("DeployDesk", "succeeded")},
    {"failed", QT_TRANSLATE_NOOP("DeployDesk", "failed")},
    {"skipped", QT_TRANSLATE_NOOP("DeployDesk", "skipped")},
    {"cancelled", QT_TRANSLATE_NOOP("DeployDesk", "cancelled")},
    {"interrupted", QT_TRANSLATE_NOOP("DeployDesk", "interrupted")},
    {"allowed-failure", QT_TRANSLATE_NOOP("DeployDesk", "failed (allowed: continue-on-error)")},
}};

// One sentence of a kind: the parameters in the order of its %1, %2, ...; `fixed` names a
// parameter whose value picks this sentence (operation=rollback) and is not shown.
struct Template
{
    EventKind kind;
    const char *text;
    std::array<const char *, 5> keys;
    const char *fixedKey = nullptr;
    const char *fixedValue = nullptr;
};

using K = EventKind;
// clang-format off
const std::array kTemplates{
    Template{K::Started, QT_TRANSLATE_NOOP("DeployDesk", "run started by %1"), {"by"}},
    Template{K::Started, QT_TRANSLATE_NOOP("DeployDesk", "run started by %1 for environment %2"), {"by", "environment"}},
    Template{K::Started, QT_TRANSLATE_NOOP("DeployDesk", "run started by %1 (re-run of the failed stages of run %2)"), {"by", "rerunOf"}},
    Template{K::Started, QT_TRANSLATE_NOOP("DeployDesk", "run started by %1 for environment %2 (re-run of the failed stages of run %3)"), {"by", "environment", "rerunOf"}},
    Template{K::Started, QT_TRANSLATE_NOOP("DeployDesk", "run started by %1: %2"), {"by", "message"}},
    Template{K::Started, QT_TRANSLATE_NOOP("DeployDesk", "run started by %1 for environment %2: %3"), {"by", "environment", "message"}},
    Template{K::Started, QT_TRANSLATE_NOOP("DeployDesk", "run started by %1 (re-run of the failed stages of run %2): %3"), {"by", "rerunOf", "message"}},
    Template{K::Started, QT_TRANSLATE_NOOP("DeployDesk", "run started by %1 for environment %2 (re-run of the failed stages of run %3): %4"), {"by", "environment", "rerunOf", "message"}},
    Template{K::Started, QT_TRANSLATE_NOOP("DeployDesk", "rollback of %1 started by %2"), {"environment", "by"}, "operation", "rollback"},
    Template{K::Started, QT_TRANSLATE_NOOP("DeployDesk", "index switch of %1 started by %2"), {"environment", "by"}, "operation", "index-switch"},
    Template{K::Finished, QT_TRANSLATE_NOOP("DeployDesk", "run %1"), {"status"}},
    Template{K::StageStarted, QT_TRANSLATE_NOOP("DeployDesk", "stage %1 started"), {"stage"}},
    Template{K::StageFinished, QT_TRANSLATE_NOOP("DeployDesk", "stage %1: %2"), {"stage", "status"}},
    Template{K::StageFinished, QT_TRANSLATE_NOOP("DeployDesk", "stage %1: %2 (%3)"), {"stage", "status", "reason"}},
    Template{K::StageFinished, QT_TRANSLATE_NOOP("DeployDesk", "%1 rolled back"), {"layer"}},
    Template{K::StageFinished, QT_TRANSLATE_NOOP("DeployDesk", "%1 not rolled back: %2"), {"layer", "reason"}},
    Template{K::Retry, QT_TRANSLATE_NOOP("DeployDesk", "attempt %1 of stage %2"), {"attempt", "stage"}},
    Template{K::CancelRequested, QT_TRANSLATE_NOOP("DeployDesk", "cancel requested"), {}},
    Template{K::CancelRequested, QT_TRANSLATE_NOOP("DeployDesk", "cancel requested: %1"), {"reason"}},
    Template{K::CancelRequested, QT_TRANSLATE_NOOP("DeployDesk", "cancel requested by %1 from deploydeskctl (pid %2)"), {"by", "pid"}},
    Template{K::Interrupted, QT_TRANSLATE_NOOP("DeployDesk", "the process running this run (pid %1) is gone and did not record the run's end: it stopped, or the history could not be written"), {"pid"}},
    Template{K::ApprovalRequested, QT_TRANSLATE_NOOP("DeployDesk", "deploy to protected environment %1 waits for approval (stages: %2)"), {"environment", "stages"}},
    Template{K::Approved, QT_TRANSLATE_NOOP("DeployDesk", "deploy to %1 approved by %2"), {"environment", "by"}},
    Template{K::Approved, QT_TRANSLATE_NOOP("DeployDesk", "deploy to %1 approved by %2: %3"), {"environment", "by", "reason"}},
    Template{K::Approved, QT_TRANSLATE_NOOP("DeployDesk", "rollback of %1 to release %2 approved by %3"), {"environment", "release", "by"}},
    Template{K::Approved, QT_TRANSLATE_NOOP("DeployDesk", "index switch of %1 to %2 approved by %3"), {"environment", "version", "by"}},
    Template{K::Approved, QT_TRANSLATE_NOOP("DeployDesk", "database of %1 from revision %2 to revision %3 approved by %4"), {"environment", "from", "to", "by"}},
    Template{K::Refused, QT_TRANSLATE_NOOP("DeployDesk", "deploy to %1 refused by %2"), {"environment", "by"}},
    Template{K::Refused, QT_TRANSLATE_NOOP("DeployDesk", "deploy to %1 refused by %2: %3"), {"environment", "by", "reason"}},
    Template{K::Queued, QT_TRANSLATE_NOOP("DeployDesk", "waiting for run %1 (%2) to finish with environment %3"), {"run", "what", "environment"}},
    Template{K::Queued, QT_TRANSLATE_NOOP("DeployDesk", "waiting for run %1 (%2) of concurrency group %3 to finish"), {"run", "what", "group"}},
    Template{K::Deployed, QT_TRANSLATE_NOOP("DeployDesk", "%1 %2 is live in %3 (%4)"), {"layer", "version", "environment", "target"}},
    Template{K::Deployed, QT_TRANSLATE_NOOP("DeployDesk", "%1 %2 is live in %3 at %4 (%5)"), {"layer", "version", "environment", "url", "target"}},
    Template{K::Release, QT_TRANSLATE_NOOP("DeployDesk", "release %1 of %2 recorded (%3)"), {"release", "environment", "kind"}},
    Template{K::AutoRollback, QT_TRANSLATE_NOOP("DeployDesk", "stage %1 failed after the deploy and asks for a rollback: rolling %2 back to release %3"), {"stage", "environment", "release"}},
    Template{K::RollbackImpossible, QT_TRANSLATE_NOOP("DeployDesk", "stage %1 failed after the deploy and asks for a rollback; but %2 had no earlier release, so what was deployed stays live"), {"stage", "environment"}},
    Template{K::RollbackImpossible, QT_TRANSLATE_NOOP("DeployDesk", "stage %1 failed after the deploy and asks for a rollback; nothing differs from release %2"), {"stage", "release"}},
    Template{K::RollbackImpossible, QT_TRANSLATE_NOOP("DeployDesk", "stage %1 failed after the deploy and asks for a rollback; only the database differs from release %2, and %3"), {"stage", "release", "held"}},
    Template{K::RolledBack, QT_TRANSLATE_NOOP("DeployDesk", "%1 is back on release %2"), {"environment", "release"}},
    Template{K::IndexSwitched, QT_TRANSLATE_NOOP("DeployDesk", "the vector index of %1 serves %2"), {"environment", "version"}},
    Template{K::Inputs, QT_TRANSLATE_NOOP("DeployDesk", "stage %1 reused from run %2: its inputs, command and environment are unchanged"), {"stage", "run"}, "outcome", "reused"},
    Template{K::Inputs, QT_TRANSLATE_NOOP("DeployDesk", "stage %1 runs again: its inputs, command or environment changed since run %2"), {"stage", "run"}, "outcome", "changed"},
    Template{K::Inputs, QT_TRANSLATE_NOOP("DeployDesk", "stage %1 runs: its inputs are those of run %2, but the artifacts that run kept of it are gone"), {"stage", "run"}, "outcome", "gone"},
    Template{K::Inputs, QT_TRANSLATE_NOOP("DeployDesk", "stage %1 runs: its inputs could not be hashed: %2"), {"stage", "reason"}, "outcome", "unreadable"},
};
// clang-format on

// "%n change(s) ... the first: %1": the one plural sentence, chosen by a "count" parameter.
constexpr const char *kRecordFailedCount = QT_TRANSLATE_N_NOOP(
    "DeployDesk",
    "%n change(s) of this run could not be recorded when they happened; the first: %1");

bool isStatusKey(const QString &key)
{
    return key == QLatin1String("status");
}

QString statusWord(const QString &stable)
{
    for (const auto &[name, word] : kStatusWords) {
        if (stable == QLatin1String(name))
            return DeployDesk::tr(word);
    }
    return stable; // a status this version does not know: its stable name
}

QStringList keysOf(const Template &t)
{
    QStringList keys;
    for (const char *k : t.keys) {
        if (k)
            keys.append(QString::fromLatin1(k));
    }
    return keys;
}

bool matches(const Template &t, const EventParams &params)
{
    const QStringList keys = keysOf(t);
    const qsizetype expected = keys.size() + (t.fixedKey ? 1 : 0);
    if (params.size() != expected)
        return false;
    for (const QString &k : keys) {
        if (!params.contains(k))
            return false;
    }
    return !t.fixedKey ||
           params.value(QString::fromLatin1(t.fixedKey)) == QLatin1String(t.fixedValue);
}

// A sentence's %1..%9 put in one pass, so a value holding "%2" is not replaced again.
QString fill(const QString &text, const QStringList &values)
{
    QString out;
    out.reserve(text.size() + 32);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'%' && i + 1 < text.size() && text[i + 1] >= u'1' && text[i + 1] <= u'9') {
            const int n = text[i + 1].unicode() - '1';
            if (n < values.size()) {
                out += values[n];
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

} // namespace

QString toString(EventKind kind)
{
    for (const auto &[k, name] : kNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("note");
}

std::optional<EventKind> eventKindFromString(const QString &text)
{
    for (const auto &[k, name] : kNames) {
        if (text == QLatin1String(name))
            return k;
    }
    return std::nullopt;
}

QString eventKindText(EventKind kind)
{
    for (const auto &[k, label] : kLabels) {
        if (k == kind)
            return DeployDesk::tr(label);
    }
    return toString(kind);
}

QString eventText(const EventRecord &event)
{
    const EventParams &p = event.params;
    if (p.isEmpty() && !event.message.isEmpty())
        return event.message; // recorded as text
    if (event.kind == EventKind::RecordFailed && p.contains(QStringLiteral("count"))) {
        return QCoreApplication::translate(kContext, kRecordFailedCount, nullptr,
                                           p.value(QStringLiteral("count")).toInt())
            .arg(p.value(QStringLiteral("detail")));
    }
    for (const Template &t : kTemplates) {
        if (t.kind != event.kind || !matches(t, p))
            continue;
        QStringList values;
        for (const QString &k : keysOf(t))
            values.append(isStatusKey(k) ? statusWord(p.value(k)) : p.value(k));
        return fill(DeployDesk::tr(t.text), values);
    }
    // A detail of its own (an error as it was reported), or parameters this version has no
    // sentence for: shown as they are, never dropped.
    if (p.size() == 1 && p.contains(QStringLiteral("detail")))
        return p.value(QStringLiteral("detail"));
    QStringList parts;
    for (auto it = p.begin(); it != p.end(); ++it)
        parts.append(it.key() + QLatin1Char('=') + it.value());
    return parts.join(QStringLiteral(", "));
}

// ---------------------------------------------------------------------------------------
// Reading old rows back into parameters

struct EventTextParser::Pattern
{
    EventKind kind;
    QRegularExpression re;
    QStringList keys;
    QString fixedKey;
    QString fixedValue;
    QHash<QString, QString> statusByWord; // the language's status words -> stable names
};

namespace {

QRegularExpression patternFor(const QString &sentence)
{
    QString re = QStringLiteral("^");
    for (qsizetype i = 0; i < sentence.size(); ++i) {
        if (sentence[i] == u'%' && i + 1 < sentence.size() && sentence[i + 1].isDigit()) {
            re += QStringLiteral("(.+?)");
            ++i;
            continue;
        }
        re += QRegularExpression::escape(QString(sentence[i]));
    }
    re += QStringLiteral("$");
    return QRegularExpression(re, QRegularExpression::DotMatchesEverythingOption);
}

// The order the %N of a translated sentence appear in (a translation may reorder them).
QList<int> placeholderOrder(const QString &sentence)
{
    QList<int> order;
    for (qsizetype i = 0; i + 1 < sentence.size(); ++i) {
        if (sentence[i] == u'%' && sentence[i + 1].isDigit())
            order.append(sentence[i + 1].digitValue() - 1);
    }
    return order;
}

} // namespace

EventTextParser::EventTextParser(const QStringList &translationFiles)
    : m_patterns(new QList<Pattern>)
{
    std::vector<std::unique_ptr<QTranslator>> translators;
    for (const QString &file : translationFiles) {
        auto t = std::make_unique<QTranslator>();
        if (t->load(file))
            translators.push_back(std::move(t));
    }
    // English first (the source texts), then each language.
    const auto sentenceIn = [](const QTranslator *t, const char *source) {
        if (!t)
            return QString::fromUtf8(source);
        const QString translated = t->translate(kContext, source);
        return translated.isEmpty() ? QString::fromUtf8(source) : translated;
    };
    std::vector<const QTranslator *> languages{nullptr};
    for (const auto &t : translators)
        languages.push_back(t.get());
    for (const QTranslator *language : languages) {
        QHash<QString, QString> words;
        for (const auto &[name, word] : kStatusWords) {
            words.insert(sentenceIn(language, word), QString::fromLatin1(name));
            words.insert(QString::fromLatin1(name), QString::fromLatin1(name));
        }
        for (const Template &t : kTemplates) {
            const QString sentence = sentenceIn(language, t.text);
            const QList<int> order = placeholderOrder(sentence);
            const QStringList keys = keysOf(t);
            QStringList ordered;
            for (int index : order)
                ordered.append(index < keys.size() ? keys[index] : QString());
            m_patterns->append(Pattern{t.kind, patternFor(sentence), ordered,
                                       t.fixedKey ? QString::fromLatin1(t.fixedKey) : QString(),
                                       t.fixedValue ? QString::fromLatin1(t.fixedValue) : QString(),
                                       words});
        }
    }
}

EventTextParser::~EventTextParser()
{
    delete m_patterns;
}

std::optional<EventParams> EventTextParser::parse(EventKind kind, const QString &message) const
{
    // Several sentences of a kind may match one text ("deploy to %1 approved by %2" and
    // "... by %2: %3"). The reading that finds a longer status word wins ("failed (allowed:
    // continue-on-error)" over "failed" plus a reason), then the one with more parameters.
    std::optional<EventParams> best;
    qsizetype bestStatus = -1;
    qsizetype bestKeys = -1;
    for (const Pattern &p : *m_patterns) {
        if (p.kind != kind)
            continue;
        const QRegularExpressionMatch m = p.re.match(message);
        if (!m.hasMatch())
            continue;
        EventParams params;
        qsizetype statusLength = 0;
        bool ok = true;
        for (qsizetype i = 0; i < p.keys.size() && ok; ++i) {
            const QString &key = p.keys[i];
            QString value = m.captured(int(i) + 1);
            if (key.isEmpty()) {
                ok = false;
            } else if (isStatusKey(key)) {
                ok = p.statusByWord.contains(value);
                statusLength = value.size();
                value = p.statusByWord.value(value);
            }
            params.insert(key, value);
        }
        if (!ok)
            continue;
        if (!p.fixedKey.isEmpty())
            params.insert(p.fixedKey, p.fixedValue);
        if (statusLength > bestStatus || (statusLength == bestStatus && params.size() > bestKeys)) {
            best = params;
            bestStatus = statusLength;
            bestKeys = params.size();
        }
    }
    return best;
}

QStringList builtInTranslationFiles()
{
    QStringList files;
    const QDir dir(QStringLiteral(":/i18n"));
    for (const QString &name : dir.entryList({QStringLiteral("deploydesk_*.qm")}, QDir::Files))
        files.append(dir.filePath(name));
    return files;
}

} // namespace DeployDesk
