#include "queuetabs.h"

#include "ui/common/statusstyle.h"

#include <QDesktopServices>
#include <QHeaderView>
#include <QLocale>
#include <QTreeWidget>
#include <QUrl>

namespace DeployDesk::Ui {

namespace {
enum PreviewColumn { BranchColumn, LayerColumn, AddressColumn, RunColumn, WhenColumn };

QString localTime(const QDateTime &utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat) : QString();
}

QTreeWidget *makeList(const QString &accessibleName, const QStringList &headers, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setAccessibleName(accessibleName);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAllColumnsShowFocus(true);
    list->setHeaderLabels(headers);
    list->header()->setStretchLastSection(true);
    return list;
}

// A row that only explains why the list is empty.
void addNote(QTreeWidget *list, const QString &text)
{
    auto *item = new QTreeWidgetItem(list);
    item->setText(0, text);
    item->setFirstColumnSpanned(true);
    item->setFlags(Qt::ItemIsEnabled);
}
} // namespace

QueueTabs::QueueTabs(QWidget *parent)
    : QTabWidget(parent)
{
    setObjectName(QStringLiteral("queueTabs"));
    setDocumentMode(true);
    m_queue = makeList(tr("Deploy queue"),
                       {tr("Environment"), tr("Run"), tr("What"), tr("State"), tr("Since")}, this);
    m_queue->setObjectName(QStringLiteral("queueView"));
    m_previews = makeList(tr("Branch previews"),
                          {tr("Branch"), tr("Layer"), tr("Address"), tr("Run"), tr("When")}, this);
    m_previews->setObjectName(QStringLiteral("previewsView"));
    m_previews->setToolTip(tr("Enter or a double click opens the preview's address"));
    addTab(m_queue, tr("&Queue"));
    addTab(m_previews, tr("Branch previe&ws"));
    connect(m_previews, &QTreeWidget::itemActivated, this, [](QTreeWidgetItem *item) {
        const QUrl url(item->data(AddressColumn, Qt::UserRole).toString());
        if (url.isValid() && !url.isEmpty())
            QDesktopServices::openUrl(url);
    });
    setQueue({});
    setPreviews({});
}

void QueueTabs::setQueue(const QList<QueueTicket> &tickets)
{
    m_queue->clear();
    QHash<QString, int> position;
    for (const QueueTicket &t : tickets) {
        const int p = position[t.environment]++;
        auto *item = new QTreeWidgetItem(m_queue);
        item->setText(0, t.environment);
        item->setText(1, t.runId ? QString::number(t.runId) : QString());
        item->setText(2, t.what);
        item->setText(3, p == 0 ? tr("deploying") : tr("waiting, number %1 in line").arg(p));
        item->setIcon(3, statusIcon(p == 0 ? RunStatus::Running : RunStatus::Queued));
        item->setText(4, localTime(t.enqueuedAt));
    }
    if (tickets.isEmpty())
        addNote(m_queue, tr("No deploy or rollback is running or waiting."));
    else
        for (int c = 0; c < 3; ++c)
            m_queue->resizeColumnToContents(c);
    setTabText(0, tickets.isEmpty() ? tr("&Queue") : tr("&Queue (%1)").arg(tickets.size()));
}

void QueueTabs::setPreviews(const QList<PreviewEntry> &previews)
{
    m_previews->clear();
    for (const PreviewEntry &p : previews) {
        const Deployment &d = p.deployment.deployment;
        auto *item = new QTreeWidgetItem(m_previews);
        item->setText(BranchColumn, p.branch.isEmpty() ? tr("(no branch)") : p.branch);
        item->setText(LayerColumn, toString(d.layer));
        item->setText(AddressColumn, d.url.isEmpty() ? tr("no address") : d.url);
        item->setData(AddressColumn, Qt::UserRole, d.url);
        item->setToolTip(AddressColumn, d.url);
        item->setText(RunColumn, QString::number(p.deployment.runId));
        item->setText(WhenColumn, localTime(d.createdAt));
    }
    if (previews.isEmpty())
        addNote(m_previews, tr("No branch previews: a deploy marked as a preview shows here."));
    else
        for (int c = 0; c < 2; ++c)
            m_previews->resizeColumnToContents(c);
    setTabText(1, previews.isEmpty() ? tr("Branch previe&ws")
                                     : tr("Branch previe&ws (%1)").arg(previews.size()));
}

} // namespace DeployDesk::Ui
