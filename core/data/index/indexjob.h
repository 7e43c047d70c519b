#pragma once

#include "common/job.h"
#include "data/index/indextypes.h"

namespace DeployDesk::Data {

// One operation on a vector index (VectorIndex), as a Job: start() only schedules, result()
// fires once, cancel is not failure. What it yields depends on the operation:
//   state()        versions and the live one          state()
//   info()/create  a version's dimension, count, …     info()
//   upsert/remove  points written or removed           count()
//   count          points in the version               count()
//   query          hits, best first                    hits()
// progress(done, total) follows upserts and removals batch by batch. A cancelled upsert
// keeps the batches it wrote (upserts by id are idempotent: run it again to finish).
class IndexJob : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IndexJob)

public:
    using Job::Job;
    ~IndexJob() override;

    qint64 count() const { return m_count; }
    const QList<IndexHit> &hits() const { return m_hits; }
    const IndexState &state() const { return m_state; }
    const IndexVersionInfo &info() const { return m_info; }

signals:
    void progress(qint64 done, qint64 total);

protected:
    qint64 m_count = 0;
    QList<IndexHit> m_hits;
    IndexState m_state;
    IndexVersionInfo m_info;
};

} // namespace DeployDesk::Data
