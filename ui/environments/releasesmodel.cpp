#include "releasesmodel.h"

#include "ui/common/statusstyle.h"

#include <QFont>
#include <QLocale>

namespace DeployDesk::Ui {

namespace {
QString localTime(const QDateTime &utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat) : QString();
}
} // namespace

ReleasesModel::ReleasesModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void ReleasesModel::setReleases(const QString &environment, const QList<ReleaseRecord> &releases,
                                bool more)
{
    m_fetching = false;
    bool grew = environment == m_environment && releases.size() >= m_releases.size() &&
                !m_releases.isEmpty();
    for (int i = 0; grew && i < m_releases.size(); ++i)
        grew = releases.at(i).id == m_releases.at(i).id;
    if (!grew) {
        beginResetModel();
        m_environment = environment;
        m_releases = releases;
        m_more = more;
        endResetModel();
        return;
    }
    const int old = int(m_releases.size());
    // Same releases at the top: refresh their data in place, append the rest.
    for (int i = 0; i < old; ++i)
        m_releases[i] = releases.at(i);
    if (old > 0)
        emit dataChanged(index(0, 0), index(old - 1, ColumnCount - 1));
    m_more = more;
    if (releases.size() > old) {
        beginInsertRows({}, old, int(releases.size()) - 1);
        m_releases = releases;
        endInsertRows();
    }
}

std::optional<ReleaseRecord> ReleasesModel::release(qint64 id) const
{
    for (const ReleaseRecord &r : m_releases)
        if (r.id == id)
            return r;
    return std::nullopt;
}

std::optional<ReleaseRecord> ReleasesModel::releaseOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return std::nullopt;
    const int row = index.internalId() == kTopLevel ? index.row() : int(index.internalId() - 1);
    if (row < 0 || row >= m_releases.size())
        return std::nullopt;
    return m_releases.at(row);
}

QModelIndex ReleasesModel::indexOfRelease(qint64 id, int column) const
{
    for (int i = 0; i < m_releases.size(); ++i)
        if (m_releases.at(i).id == id)
            return index(i, column);
    return {};
}

QString ReleasesModel::layerText(const ReleaseLayer &layer)
{
    const Deployment &d = layer.deployment.deployment;
    QString text = tr("%1: %2 on %3").arg(toString(layer.layer), d.version, d.target);
    if (!d.url.isEmpty())
        text += QStringLiteral(" — ") + d.url;
    if (!layer.changed)
        text += tr(" (carried over from run %1)").arg(layer.deployment.runId);
    return text;
}

QString ReleasesModel::kindText(const ReleaseRecord &r)
{
    QString text;
    switch (r.kind) {
    case ReleaseKind::Deploy:
        text = tr("Deploy");
        break;
    case ReleaseKind::Rollback:
        text = tr("Rollback to %1").arg(r.restores);
        break;
    case ReleaseKind::AutoRollback:
        text = tr("Automatic rollback to %1").arg(r.restores);
        break;
    case ReleaseKind::Promote:
        text = tr("Promote");
        break;
    case ReleaseKind::IndexSwitch:
        text = tr("Index switch");
        break;
    }
    if (!r.complete)
        text += tr(" (incomplete)");
    return text;
}

QModelIndex ReleasesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_releases.size() ? createIndex(row, column, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel || parent.row() >= m_releases.size() ||
        row >= m_releases.at(parent.row()).layers.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex ReleasesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int ReleasesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_releases.size());
    if (parent.internalId() != kTopLevel || parent.column() != 0)
        return 0;
    return int(m_releases.value(parent.row()).layers.size());
}

int ReleasesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ReleasesModel::data(const QModelIndex &index, int role) const
{
    const std::optional<ReleaseRecord> r = releaseOf(index);
    if (!r)
        return {};
    const bool live = r->id == m_releases.first().id;
    if (role == ReleaseIdRole)
        return r->id;
    if (role == IsLiveRole)
        return live;
    if (index.internalId() != kTopLevel) {
        const ReleaseLayer &layer = r->layers.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
        case Qt::AccessibleTextRole:
            return index.column() == 0 ? layerText(layer) : QVariant();
        case LayerRole:
            return toString(layer.layer);
        case UrlRole:
            return layer.deployment.deployment.url;
        case Qt::FontRole:
            if (!layer.changed) {
                QFont f;
                f.setItalic(true);
                return f;
            }
            return {};
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (Column(index.column())) {
        case Release:
            return live ? tr("%1 (live)").arg(r->id) : QString::number(r->id);
        case Kind:
            return kindText(*r);
        case When:
            return localTime(r->createdAt);
        case Commit:
            if (r->commit.isEmpty())
                return tr("none");
            return r->branch.isEmpty() ? r->commit.left(8)
                                       : tr("%1 on %2").arg(r->commit.left(8), r->branch);
        case Who:
            return r->who;
        case Why:
            return r->why;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Commit)
            return r->commit;
        if (index.column() == Why)
            return r->why;
        return {};
    case Qt::DecorationRole:
        if (index.column() == Release && live)
            return statusIcon(r->complete ? RunStatus::Success : RunStatus::Failed);
        return {};
    case Qt::FontRole:
        if (live) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    default:
        return {};
    }
}

QVariant ReleasesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Release:
        return tr("Release");
    case Kind:
        return tr("Kind");
    case When:
        return tr("When");
    case Commit:
        return tr("Commit");
    case Who:
        return tr("Who");
    case Why:
        return tr("Why");
    case ColumnCount:
        break;
    }
    return {};
}

bool ReleasesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_fetching;
}

void ReleasesModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    emit moreRequested();
}

} // namespace DeployDesk::Ui
