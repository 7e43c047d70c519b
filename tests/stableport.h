#pragma once
// A free local port for a test's server that must keep its port while the test stops and
// starts it: one below the kernel's ephemeral range, so that no other test's server
// listening on port 0 (ctest -j2) can be handed it in the meantime.

#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QRandomGenerator>
#include <QTcpServer>

#include <algorithm>

// 0 when none was found; never one of `taken`.
inline int stablePort(const QList<int> &taken = {})
{
    int low = 32768; // Linux's default start of ip_local_port_range
    QFile range(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (range.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> bounds = range.readAll().simplified().split(' ');
        if (bounds.size() == 2 && bounds.first().toInt() > 0)
            low = bounds.first().toInt();
    }
    const int first = std::max(1024, low - 8000);
    for (int attempt = 0; first < low && attempt < 200; ++attempt) {
        const int port = first + int(QRandomGenerator::global()->bounded(low - first));
        if (taken.contains(port))
            continue;
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, quint16(port)))
            return port;
    }
    return 0;
}
