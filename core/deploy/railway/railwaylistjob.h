#pragma once

#include "deploy/railway/railwayjob.h"

namespace DeployDesk::Railway {

// list(): every deployment of the service instance, newest first, following the
// deployments connection page by page (first/after, pageInfo.endCursor).
// status(): the live one (status in [SUCCESS, SLEEPING]); none when nothing is live.
class RailwayListJob final : public RailwayJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RailwayListJob)

public:
    enum class Mode { All, Live };
    static constexpr int kPageSize = 20;
    static constexpr int kMaxPages = 50;

    RailwayListJob(TargetRequest request, Mode mode, QObject *parent = nullptr);
    ~RailwayListJob() override;

    int pages() const { return m_pages; }

protected:
    void run() override;

private:
    void fetch(const QString &after);

    Mode m_mode = Mode::All;
    int m_pages = 0;
};

} // namespace DeployDesk::Railway
