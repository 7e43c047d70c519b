#include "ui/environmentlist.h"

#include "common/duration.h"
#include "store/historystore.h"
#include "ui/common/statusstyle.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

namespace {
constexpr int NameRole = Qt::UserRole + 1;
}

EnvironmentList::EnvironmentList(HistoryStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 6);
    auto *label = new QLabel(tr("&Environments"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("environmentList"));
    m_list->setAccessibleName(tr("Environments"));
    m_list->setIconSize(QSize(16, 16));
    label->setBuddy(m_list);
    m_deploy = new QPushButton(tr("Deploy"), this);
    m_deploy->setObjectName(QStringLiteral("deployButton"));
    // "Deploy to production" must not widen the sidebar, and with it the window, when
    // production is selected: the sidebar is made wide enough for the longest (fitSidebar).
    m_deploy->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_stale = new QLabel(this);
    m_stale->setObjectName(QStringLiteral("environmentsStale"));
    m_stale->setWordWrap(true);
    m_stale->setVisible(false);
    layout->addWidget(label);
    layout->addWidget(m_stale);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_deploy);

    connect(m_list, &QListWidget::currentItemChanged, this, [this] {
        const QString env = currentEnvironment();
        m_deploy->setText(env.isEmpty() ? tr("Run checks") : tr("Deploy to %1").arg(env));
        m_deploy->setEnabled(m_deployEnabled && m_list->currentItem());
        emit currentEnvironmentChanged(env);
    });
    connect(m_deploy, &QPushButton::clicked, this,
            [this] { emit deployRequested(currentEnvironment()); });
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *) { emit deployRequested(currentEnvironment()); });
}

void EnvironmentList::setStore(HistoryStore *store)
{
    m_store = store;
    refresh();
}

void EnvironmentList::setPipeline(const Pipeline &pipeline, const QString &workspace)
{
    const QString previous = currentEnvironment();
    m_pipeline = pipeline;
    m_workspace = workspace;
    m_list->clear();
    auto *none = new QListWidgetItem(tr("No environment (checks only)"), m_list);
    none->setData(NameRole, QString());
    for (const Environment &e : pipeline.environments) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(NameRole, e.name);
    }
    refresh();
    setCurrentEnvironment(previous);
    if (!m_list->currentItem())
        m_list->setCurrentRow(0);
}

void EnvironmentList::refresh()
{
    m_latest.clear();
    if (m_store) {
        // The first row's latest run: the latest with no environment (checks only).
        RunFilter checks;
        checks.workspace = m_workspace;
        checks.pipeline = m_pipeline.name; // not a workflow run of the same workspace
        checks.withoutEnvironment = true;
        checks.limit = 1;
        if (auto runs = m_store->runs(checks); runs && !runs->isEmpty())
            m_latest.insert(QString(), runs->first());
        for (const Environment &e : std::as_const(m_pipeline.environments)) {
            RunFilter filter;
            filter.workspace = m_workspace;
            filter.pipeline = m_pipeline.name;
            filter.environment = e.name;
            filter.limit = 1;
            if (auto runs = m_store->runs(filter); runs && !runs->isEmpty())
                m_latest.insert(e.name, runs->first());
        }
    }
    for (int i = 0; i < m_list->count(); ++i)
        updateItem(m_list->item(i));
}

void EnvironmentList::setLiveStatus(const QString &environment, RunStatus status,
                                    bool waitingForApproval)
{
    m_liveEnvironment = environment;
    m_liveStatus = isFinal(status) ? std::nullopt : std::optional(status);
    m_liveWaiting = waitingForApproval;
    for (int i = 0; i < m_list->count(); ++i)
        updateItem(m_list->item(i));
}

void EnvironmentList::updateItem(QListWidgetItem *item)
{
    const QString name = item->data(NameRole).toString();
    if (name.isEmpty()) {
        // Checks only: the live run's state, else the latest checks-only run's result, as
        // the environments show theirs.
        if (m_liveStatus && m_liveEnvironment.isEmpty()) {
            item->setIcon(statusIcon(*m_liveStatus));
            item->setToolTip(tr("Running the checks now"));
        } else if (m_latest.contains(name)) {
            const RunRecord &r = m_latest[name];
            item->setIcon(statusIcon(r.status));
            item->setToolTip(
                tr("Last run %1: %2, %3")
                    .arg(r.id)
                    .arg(statusText(r.status),
                         QLocale().toString(r.startedAt.toLocalTime(), QLocale::ShortFormat)));
        } else {
            item->setIcon(statusIcon(StageStatus::Pending));
            item->setToolTip(tr("The checks have not run yet"));
        }
        return;
    }
    const Environment *env = m_pipeline.environment(name);
    QString text = name;
    if (env && env->isProtected)
        text += QStringLiteral("  ") + tr("(protected)");
    QStringList tip;
    if (env && !env->url.isEmpty())
        tip << env->url;
    const bool live = m_liveStatus && m_liveEnvironment == name;
    if (live) {
        item->setIcon(statusIcon(*m_liveStatus));
        tip << (m_liveWaiting ? tr("Waiting for approval") : tr("Deploying now"));
        // On a line of its own: the sidebar keeps its width while a deploy waits.
        if (m_liveWaiting)
            text += QLatin1Char('\n') + tr("waiting for approval");
    } else if (m_latest.contains(name)) {
        const RunRecord &r = m_latest[name];
        item->setIcon(statusIcon(r.status));
        tip << tr("Last run %1: %2, %3")
                   .arg(r.id)
                   .arg(statusText(r.status),
                        QLocale().toString(r.startedAt.toLocalTime(), QLocale::ShortFormat));
    } else {
        item->setIcon(statusIcon(StageStatus::Pending));
        tip << tr("Never deployed");
    }
    item->setText(text);
    item->setToolTip(tip.join(QLatin1Char('\n')));
}

QString EnvironmentList::currentEnvironment() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(NameRole).toString() : QString();
}

void EnvironmentList::setCurrentEnvironment(const QString &name)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(NameRole).toString() == name) {
            m_list->setCurrentRow(i);
            return;
        }
    }
}

QStringList EnvironmentList::environments() const
{
    QStringList names;
    for (const Environment &e : m_pipeline.environments)
        names << e.name;
    return names;
}

std::optional<RunStatus> EnvironmentList::statusOf(const QString &environment) const
{
    if (m_liveStatus && m_liveEnvironment == environment)
        return m_liveStatus;
    if (m_latest.contains(environment))
        return m_latest.value(environment).status;
    return std::nullopt;
}

int EnvironmentList::preferredWidth() const
{
    const QMargins margins = layout()->contentsMargins();
    const int list = m_list->sizeHintForColumn(0) + 2 * m_list->frameWidth() +
                     m_list->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_list);
    // The Deploy button's longest text, whichever environment is selected.
    QPushButton probe;
    probe.setFont(m_deploy->font());
    int button = 0;
    QStringList texts{tr("Run checks")};
    for (const Environment &e : m_pipeline.environments)
        texts << tr("Deploy to %1").arg(e.name);
    for (const QString &text : std::as_const(texts)) {
        probe.setText(text);
        button = std::max(button, probe.sizeHint().width());
    }
    return margins.left() + margins.right() + std::max(list, button);
}

void EnvironmentList::setStaleReason(const QString &reason)
{
    m_stale->setText(reason);
    m_stale->setVisible(!reason.isEmpty());
    m_list->setAccessibleDescription(reason);
}

QString EnvironmentList::staleReason() const
{
    return m_stale->text();
}

void EnvironmentList::setDeployEnabled(bool enabled)
{
    m_deployEnabled = enabled;
    m_deploy->setEnabled(enabled && m_list->currentItem());
}

} // namespace DeployDesk::Ui
