#pragma once

#include "deploy/vercel/verceljob.h"

#include <optional>

namespace DeployDesk::Vercel {

// list(): every deployment of the project, newest first, following pagination.next with
// `until` until it is null (GET /v6/deployments). status(): the newest READY production
// deployment (none when there is none).
class VercelListJob final : public VercelJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VercelListJob)

public:
    enum class Mode { All, LiveProduction };
    static constexpr int kPageSize = 100;
    static constexpr int kMaxPages = 200; // 20,000 deployments

    VercelListJob(TargetRequest request, Mode mode, QObject *parent = nullptr);
    ~VercelListJob() override;

    int pages() const { return m_pages; }

protected:
    void run() override;

private:
    void fetch(std::optional<qint64> until);

    Mode m_mode = Mode::All;
    int m_pages = 0;
};

} // namespace DeployDesk::Vercel
