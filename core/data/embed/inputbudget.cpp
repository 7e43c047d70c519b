#include "data/embed/inputbudget.h"

#include <algorithm>
#include <limits>

namespace DeployDesk::Data {

InputBudget::InputBudget(int limit, std::chrono::milliseconds window,
                         std::chrono::milliseconds margin)
    : m_limit(std::max(0, limit))
    , m_spanMs(window.count() + margin.count())
{}

void InputBudget::expire(qint64 nowMs)
{
    while (!m_log.empty() && m_log.front().first + m_spanMs <= nowMs) {
        m_used -= m_log.front().second;
        m_log.pop_front();
    }
}

int InputBudget::room(qint64 nowMs)
{
    if (!isLimited())
        return std::numeric_limits<int>::max();
    expire(nowMs);
    return std::max(0, m_limit - m_used);
}

void InputBudget::spend(qint64 nowMs, int inputs)
{
    if (!isLimited() || inputs <= 0)
        return;
    expire(nowMs);
    m_log.emplace_back(nowMs, inputs);
    m_used += inputs;
}

qint64 InputBudget::waitFor(qint64 nowMs, int inputs)
{
    if (!isLimited())
        return 0;
    inputs = std::min(inputs, m_limit);
    expire(nowMs);
    int used = m_used;
    if (m_limit - used >= inputs)
        return 0;
    for (const auto &[at, count] : m_log) {
        used -= count; // this entry leaves the window at at + span
        if (m_limit - used >= inputs)
            return std::max<qint64>(1, at + m_spanMs - nowMs);
    }
    return 0;
}

} // namespace DeployDesk::Data
