#pragma once

#include <QByteArray>

// The error message of a failed Result, for QVERIFY2 (which evaluates its message even
// when the check passes, so .error() must not be touched on success).
template<typename R> QByteArray why(const R &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

// Evaluates `expr` once.
#define DD_VERIFY_OK(expr)                                                                         \
    do {                                                                                           \
        const auto &ddResult = (expr);                                                             \
        QVERIFY2(bool(ddResult), why(ddResult).constData());                                       \
    } while (false)

// The history behind `store` (a HistoryStore) passes SQLite's and the store's own checks.
#define DD_VERIFY_UNDAMAGED(store)                                                                 \
    do {                                                                                           \
        const auto ddDamage = (store).check();                                                     \
        DD_VERIFY_OK(ddDamage);                                                                    \
        QVERIFY2(ddDamage->isEmpty(), qPrintable(ddDamage->join(QLatin1Char('\n'))));              \
    } while (false)

#include "common/status.h"

#include <QtTest/qtestcase.h>

#include "statuscompare.h"
