#pragma once

#include "data/index/vectorindex.h"

#include <memory>

namespace DeployDesk::Data {

namespace Internal {
class LocalIndexEngine;
}

// The embedded default index: one SQLite file per version in `folder`
// (<name>_v<N>.vectors.sqlite, created and migrated through the store's migrations), exact
// cosine search over every point (no approximate index: fine for a docs corpus of thousands
// of chunks, linear in the number of points), and <name>.live.json naming the live version,
// replaced atomically to switch. Work runs on the index's own thread, never the caller's;
// copies of a LocalIndex share it. Jobs keep it alive while they run.
class LocalIndex final : public VectorIndex
{
public:
    static constexpr int kUpsertBatch = 512; // points per transaction (and progress step)

    LocalIndex(const QString &folder, const QString &name);
    ~LocalIndex() override;

    QString kind() const override { return QStringLiteral("local"); }
    QString name() const override;
    QString location() const override;
    // The file of a version.
    QString pathOf(int version) const;

    IndexJob *state(QObject *parent = nullptr) const override;
    IndexJob *info(int version, QObject *parent = nullptr) const override;
    IndexJob *createVersion(int version, const IndexSpec &spec,
                            QObject *parent = nullptr) const override;
    IndexJob *upsert(int version, QList<IndexPoint> points,
                     QObject *parent = nullptr) const override;
    IndexJob *remove(int version, QStringList ids, QObject *parent = nullptr) const override;
    IndexJob *count(int version, QObject *parent = nullptr) const override;
    IndexJob *query(std::optional<int> version, QList<float> vector, int limit,
                    QObject *parent = nullptr) const override;
    IndexJob *activate(int version, QObject *parent = nullptr) const override;
    IndexJob *dropVersion(int version, QObject *parent = nullptr) const override;

private:
    std::shared_ptr<Internal::LocalIndexEngine> m_engine;
};

} // namespace DeployDesk::Data
