/* eligo-rule-extractor-private.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "eligo-rule-extractor.h"

G_BEGIN_DECLS

/* The families of the extractor, each in a file of its own. */
EligoExtraction *eligo_rule_extract_leadin (EligoCriterionKind  kind,
                                            const char         *text,
                                            const char         *context);
EligoExtraction *eligo_rule_extract_exception (EligoCriterionKind  kind,
                                               const char         *text,
                                               const char         *context);
void             eligo_rule_qualify_sex     (EligoCriterionKind  kind,
                                            const char         *text,
                                            EligoExtraction    *extraction);
void             eligo_rule_normalize_spellings (GString       *text);

G_END_DECLS
