#pragma once

#include "common/status.h"

#include <QtTest/qtestcase.h>

// QCOMPARE on the status enums does not compile: inside QTest, argument-dependent lookup
// prefers DeployDesk::toString(RunStatus) (which returns QString). Compare the names, so a
// failure also reads "failed" rather than a number.
#define DD_COMPARE_STATUS(actual, expected)                                                        \
    QCOMPARE(DeployDesk::toString(actual), DeployDesk::toString(expected))
