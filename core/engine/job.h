#pragma once

// Job moved to core/common (dd_common) so dd_net can build HttpJob on it while the engine
// links dd_net; this header keeps the old include path working.
#include "common/job.h"
