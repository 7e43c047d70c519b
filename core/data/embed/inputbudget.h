#pragma once

#include <QtGlobal>

#include <chrono>
#include <deque>

namespace DeployDesk::Data {

// An inputs-per-window budget (Cohere: 2,000 inputs per minute), kept exactly: the inputs of
// the calls started within any `window` never exceed `limit`. A sliding log of (time, inputs),
// not a token bucket, so a small re-embed goes out at once and a large one uses the whole
// budget of every window. `margin` is added to the window on our side, for the time a request
// takes to reach the platform. A limit of 0 means no budget.
class InputBudget final
{
public:
    InputBudget() = default;
    InputBudget(int limit, std::chrono::milliseconds window,
                std::chrono::milliseconds margin = std::chrono::milliseconds(0));

    bool isLimited() const { return m_limit > 0; }
    int limit() const { return m_limit; }

    // How many inputs may start at `nowMs` (a large number when unlimited).
    int room(qint64 nowMs);
    // Records `inputs` started at `nowMs`.
    void spend(qint64 nowMs, int inputs);
    // Milliseconds from `nowMs` until `inputs` (at most limit()) fit; 0 when they fit now.
    qint64 waitFor(qint64 nowMs, int inputs);

private:
    void expire(qint64 nowMs);

    int m_limit = 0;
    qint64 m_spanMs = 0;
    std::deque<std::pair<qint64, int>> m_log; // (start ms, inputs), oldest first
    int m_used = 0;
};

} // namespace DeployDesk::Data
