#pragma once

#include "store/releaserecords.h"

#include <QAbstractItemModel>
#include <QList>

#include <optional>

namespace DeployDesk::Ui {

// The releases of one environment, newest first: the first is the live one. Each release
// is a row whose children are its layers (layer, target, version, URL, carried over or
// changed). Rows past the first page come on demand: canFetchMore() asks the view for a
// longer list through moreRequested(), and setReleases() appends what is new.
class ReleasesModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReleasesModel)

public:
    enum Column { Release, Kind, When, Commit, Who, Why, ColumnCount };
    static constexpr int ReleaseIdRole = Qt::UserRole + 1; // on every row (layers: their release)
    static constexpr int IsLiveRole = Qt::UserRole + 2;
    static constexpr int LayerRole = Qt::UserRole + 3; // layer rows: the stable layer name
    static constexpr int UrlRole = Qt::UserRole + 4;   // layer rows: the layer's URL

    explicit ReleasesModel(QObject *parent = nullptr);

    // Shows `releases` (newest first) of `environment`; `more`: older ones exist. When the
    // list only grew at its end (a page more) the rows are appended; otherwise reset.
    void setReleases(const QString &environment, const QList<ReleaseRecord> &releases, bool more);
    QString environment() const { return m_environment; }
    int releaseCount() const { return int(m_releases.size()); }
    ReleaseRecord releaseAt(int row) const { return m_releases.value(row); }
    std::optional<ReleaseRecord> release(qint64 id) const;
    // The release of any row (a layer row gives its release); nullopt: none.
    std::optional<ReleaseRecord> releaseOf(const QModelIndex &index) const;
    QModelIndex indexOfRelease(qint64 id, int column = 0) const;
    // The text of a layer row ("site  local-site  v9  http://…"), for tests and speech.
    static QString layerText(const ReleaseLayer &layer);
    static QString kindText(const ReleaseRecord &release);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

signals:
    // The view should read more releases of environment() (a longer list).
    void moreRequested();

private:
    static constexpr quintptr kTopLevel = 0; // internalId of release rows; layers: row + 1

    QString m_environment;
    QList<ReleaseRecord> m_releases;
    bool m_more = false;
    bool m_fetching = false;
};

} // namespace DeployDesk::Ui
