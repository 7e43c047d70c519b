#include "ui/settings/historypage.h"

#include "common/async.h"
#include "common/bytesize.h"
#include "common/logging.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <atomic>

namespace DeployDesk::Ui {

namespace {

enum class Kind { All, Days, Runs, Size };

const char *const kKindNames[] = {"all", "days", "runs", "size"};

Kind kindFromText(const QString &text)
{
    for (int i = 0; i < 4; ++i)
        if (text == QLatin1String(kKindNames[i]))
            return Kind(i);
    return Kind::All;
}

std::optional<PrunePolicy> policyOf(Kind kind, int value)
{
    if (kind == Kind::All || value < 0)
        return std::nullopt;
    PrunePolicy policy; // every workspace: the file they share is what grows
    switch (kind) {
    case Kind::Days:
        policy.olderThan = QDateTime::currentDateTimeUtc().addDays(-qMax(1, value));
        break;
    case Kind::Runs:
        policy.keepLast = value;
        break;
    case Kind::Size:
        policy.maxLogBytes = qint64(value) * 1000 * 1000;
        break;
    case Kind::All:
        break;
    }
    return policy;
}

} // namespace

HistoryPage::HistoryPage(QString databasePath, QString dataDir, QWidget *parent)
    : QWidget(parent)
    , m_databasePath(std::move(databasePath))
    , m_dataDir(std::move(dataDir))
{
    auto *intro = new QLabel(tr("Old runs can be removed from the history as runs end: their "
                                "stages, logs and kept artifacts. Runs that made a release of an "
                                "environment are kept until the release is unpinned "
                                "(deploydeskctl releases unpin), and running runs always are. "
                                "The policy applies to the runs of every workspace."),
                             this);
    intro->setWordWrap(true);

    m_size = new QLabel(tr("Measuring…"), this);
    m_size->setObjectName(QStringLiteral("historySize"));
    m_size->setAccessibleName(tr("History size on disk"));
    m_size->setWordWrap(true);
    m_size->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("retentionKind"));
    m_kind->setAccessibleName(tr("Retention policy"));
    m_kind->addItem(tr("Keep everything"), QLatin1String(kKindNames[int(Kind::All)]));
    m_kind->addItem(tr("Remove runs older than"), QLatin1String(kKindNames[int(Kind::Days)]));
    m_kind->addItem(tr("Keep only the newest runs"), QLatin1String(kKindNames[int(Kind::Runs)]));
    m_kind->addItem(tr("Keep the logs under a size"), QLatin1String(kKindNames[int(Kind::Size)]));

    m_value = new QSpinBox(this);
    m_value->setObjectName(QStringLiteral("retentionValue"));
    m_value->setAccessibleName(tr("Retention value"));
    m_value->setRange(1, 1000000);

    m_wouldFree = new QLabel(this);
    m_wouldFree->setObjectName(QStringLiteral("historyWouldFree"));
    m_wouldFree->setAccessibleName(tr("What pruning would free"));
    m_wouldFree->setWordWrap(true);
    m_wouldFree->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    auto *kindLabel = new QLabel(tr("&Retention:"), this);
    kindLabel->setBuddy(m_kind);
    form->addRow(kindLabel, m_kind);
    form->addRow(QString(), m_value);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_size);
    layout->addLayout(form);
    layout->addWidget(m_wouldFree);
    layout->addStretch();

    m_settle = new QTimer(this);
    m_settle->setSingleShot(true);
    m_settle->setInterval(250);
    connect(m_settle, &QTimer::timeout, this, &HistoryPage::measure);

    QSettings settings;
    const Kind kind = kindFromText(settings.value(QLatin1String(kRetentionKey)).toString());
    m_kind->setCurrentIndex(int(kind));
    m_value->setValue(settings.value(QLatin1String(kRetentionValueKey), 90).toInt());
    connect(m_kind, &QComboBox::currentIndexChanged, this, &HistoryPage::choiceChanged);
    connect(m_value, &QSpinBox::valueChanged, this, &HistoryPage::choiceChanged);
    choiceChanged();
    measure(); // at once the first time
}

HistoryPage::~HistoryPage() = default;

std::optional<PrunePolicy> HistoryPage::chosenPolicy() const
{
    return policyOf(Kind(m_kind->currentIndex()), m_value->value());
}

void HistoryPage::choiceChanged()
{
    const Kind kind = Kind(m_kind->currentIndex());
    m_value->setVisible(kind != Kind::All);
    switch (kind) {
    case Kind::Days:
        m_value->setSuffix(tr(" days"));
        break;
    case Kind::Runs:
        m_value->setSuffix(tr(" runs"));
        break;
    case Kind::Size:
        m_value->setSuffix(tr(" MB of logs"));
        break;
    case Kind::All:
        break;
    }
    ++m_generation; // what is measured for the previous choice is not shown
    m_wouldFree->setText(kind == Kind::All ? tr("Nothing is removed.")
                                           : tr("Measuring what this would free…"));
    m_settle->start();
}

void HistoryPage::measure()
{
    m_settle->stop();
    const quint64 generation = ++m_generation;
    struct Measured
    {
        Result<HistorySize> size;
        qint64 artifactBytes = 0;
        std::optional<Result<PruneReport>> dryRun;
    };
    std::optional<PrunePolicy> policy = chosenPolicy();
    if (policy)
        policy->dryRun = true;
    runAsync(
        this,
        [path = m_databasePath, dataDir = m_dataDir, policy] {
            HistoryPruner pruner(path, dataDir);
            Measured m{pruner.size(), pruner.artifactDiskBytes(), std::nullopt};
            if (policy)
                m.dryRun = pruner.prune(*policy);
            return m;
        },
        [this, generation](const Measured &m) {
            if (generation != m_generation)
                return; // the choice changed meanwhile
            if (m.size)
                m_size->setText(
                    tr("The history takes %1 on disk (%2 of logs, %3 free inside "
                       "the file), %n run(s); kept artifacts take %4, each stored "
                       "file once.",
                       nullptr, int(qMin<qint64>(m.size->runs, INT_MAX)))
                        .arg(formatBytes(m.size->fileBytes), formatBytes(m.size->logBytes),
                             formatBytes(m.size->freeBytes), formatBytes(m.artifactBytes)));
            else
                m_size->setText(m.size.error().message);
            if (m.dryRun && *m.dryRun) {
                const PruneReport &r = **m.dryRun;
                QString text = tr("Pruning now would remove %n run(s): %1 of logs; %2 of "
                                  "artifacts would be freed on disk.",
                                  nullptr, int(qMin<qint64>(r.runs, INT_MAX)))
                                   .arg(formatBytes(r.logBytes), formatBytes(r.artifactBytes));
                if (r.keptReleases > 0)
                    text += QLatin1Char(' ') + tr("%n run(s) that made a release are kept.",
                                                  nullptr, int(r.keptReleases));
                m_wouldFree->setText(text);
            } else if (m.dryRun) {
                m_wouldFree->setText(m.dryRun->error().message);
            }
            emit measured();
        });
}

void HistoryPage::save() const
{
    QSettings settings;
    settings.setValue(QLatin1String(kRetentionKey), m_kind->currentData());
    settings.setValue(QLatin1String(kRetentionValueKey), m_value->value());
}

QString HistoryPage::sizeText() const
{
    return m_size->text();
}

QString HistoryPage::wouldFreeText() const
{
    return m_wouldFree->text();
}

std::optional<PrunePolicy> HistoryPage::savedPolicy()
{
    QSettings settings;
    return policyOf(kindFromText(settings.value(QLatin1String(kRetentionKey)).toString()),
                    settings.value(QLatin1String(kRetentionValueKey), 90).toInt());
}

void pruneBySavedPolicy(QObject *context, const QString &databasePath, const QString &dataDir,
                        std::function<void(const PruneReport &)> done)
{
    const std::optional<PrunePolicy> policy = HistoryPage::savedPolicy();
    if (!policy)
        return;
    static std::atomic<bool> busy{false}; // one at a time; the next run's end catches up
    if (busy.exchange(true))
        return;
    runAsync(
        context,
        [databasePath, dataDir, policy = *policy] {
            HistoryPruner pruner(databasePath, dataDir);
            Result<PruneReport> report = pruner.prune(policy);
            busy = false;
            return report;
        },
        [done = std::move(done)](const Result<PruneReport> &report) {
            if (!report) {
                qCWarning(lcUi).noquote()
                    << "pruning by the retention policy failed:" << report.error().message;
                return;
            }
            if (report->runs > 0 && done)
                done(*report);
        });
}

} // namespace DeployDesk::Ui
