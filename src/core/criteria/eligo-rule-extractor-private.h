/* eligo-rule-extractor-private.h
 *
 * Copyright 2026 The Eligo developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "eligo-rule-extractor.h"
#include "eligo-rule-spans.h"

G_BEGIN_DECLS

/* Front ends that read a whole criterion of a form of their own. */
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

/*
 * The reader: what the pattern families share (see eligo-rule-extractor.c
 * for how a criterion is read).
 */

typedef enum
{
  K_NEUTRAL,            /* covered, adds nothing */
  K_MASK,               /* looks like an atom, is not: hides the words, covers nothing */
  K_COND,               /* "(age >= 16 years)": restricts the atom next to it */
  K_BOOL,               /* a yes/no fact; group "neg" negates */
  K_NOT,                /* a negated fact, the negation is part of the pattern */
  K_BOOL_PARTIAL,       /* a yes/no fact that only covers part of its words' meaning */
  K_DIAG,               /* aux: the diagnosis choice */
  K_DIAG_PARTIAL,
  K_STATUS,             /* aux: the disease status choice (inclusions only) */
  K_DISEASE,            /* status? marker? diagnosis */
  K_CD,                 /* group "cd", "neg" */
  K_AGE_RANGE,
  K_AGE_OP,
  K_AGE_DIR,
  K_AGE_OLDER,
  K_ECOG,
  K_PERF,
  K_LAB_ULN,
  K_LAB_ABS,
  K_COUNT,              /* var: anc or platelets */
  K_HGB,
  K_NUM,                /* var op num */
  K_NYHA,
  K_LIFE,
  K_WINDOW,             /* var; aux: unit of the variable */
  K_VIRAL,              /* a list of viruses with "DNA detectable" */
  K_SEX_ALL,
  K_SEX_FEMALE,
  K_CONSENT,
  K_PERSIST,
  K_CARDIAC,
  K_NOT_PARTIAL,        /* a negated fact that covers only part of its words' meaning */
  K_LEAF_INCL,          /* var: the rule itself, read in inclusions only */
  K_LEAF_EXCL,          /* var: the rule itself, read in exclusions only */
  K_BOOL_EXCL,          /* a yes/no fact read in exclusions only; aux "partial": wider words */
  K_BOUNDS,             /* var op num, and optionally op2 num2 ("BMI >= 18.5 and <= 32") */
  K_HSCT_WINDOW,        /* an allogeneic HSCT within a time: prior_hsct and months_since_hsct */
  K_BMI_RANGE,          /* "BMI 18 to 35 kg/m2": both ends included */
  K_PERF_AGE,           /* Karnofsky for one age group, Lansky for the other */
  K_QTC_SEX,            /* a QTc limit for each sex */
} MatcherKind;

typedef struct
{
  MatcherKind  kind;
  const char  *trigger;   /* '|'-separated substrings, one must occur; NULL: always run */
  const char  *pattern;
  const char  *var;
  const char  *aux;
} Matcher;

/* Pieces of patterns the families share. */
#define WS "\\s*"
#define NUMRE(n) "(?<" n ">\\d+(?:,\\d{3})*(?:\\.\\d+)?|\\.\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety)"
#define OPRE(n) "(?<" n ">[<>]=?|=[<>]|less than or equal to|equal to or (?:less|lower|greater|more) than|" \
  "greater than or equal to|more than or equal to|(?:no|not) (?:less|lower|fewer|more|greater|higher) than|" \
  "less than|lower than|fewer than|below|greater than|more than|higher than|above|exceeding|" \
  "at least|at most|a minimum of|minimum of|up to|maximum of)"
#define WITHIN "(?:within|in)\\s+(?:the\\s+)?(?:past\\s+|last\\s+|previous\\s+|prior\\s+|preceding\\s+)?(?:<=\\s*)?"

/* A node of the rule being built. */
typedef enum
{
  NODE_LEAF,
  NODE_AND,
  NODE_OR,
} NodeKind;

typedef struct _Node Node;
struct _Node
{
  NodeKind   kind;
  char      *text;       /* NODE_LEAF: a comparison, a variable or "not variable" */
  GPtrArray *children;   /* of Node */
};

typedef enum
{
  SPAN_ATOM,
  SPAN_NEUTRAL,
  SPAN_MASK,
} SpanType;

typedef enum
{
  FLAG_NEGATABLE    = 1 << 0,  /* a single bool term */
  FLAG_PARTIAL      = 1 << 1,  /* covers only part of its own words */
  FLAG_AGE          = 1 << 2,
  FLAG_DIAG         = 1 << 3,  /* a plain diagnosis: merged with the others */
  FLAG_STATUS       = 1 << 4,  /* a plain disease status: merged with the others */
  FLAG_SEX_ALL      = 1 << 5,
  FLAG_CONSENT      = 1 << 6,
  FLAG_CONDITIONAL  = 1 << 7,
  FLAG_NEGATED      = 1 << 8,
  FLAG_DROPPED      = 1 << 9,
  FLAG_INCLUSION    = 1 << 10, /* only read in inclusions */
  FLAG_COMPOUND     = 1 << 11, /* diagnosis with status or marker */
  FLAG_USED         = 1 << 12, /* went into the rule */
  FLAG_OWN_GROUPS   = 1 << 13, /* reads the age or sex groups inside its words itself */
} AtomFlags;

typedef struct _Span Span;
struct _Span
{
  SpanType  type;
  int       start;
  int       end;
  int       order;      /* matcher index, for ties */
  guint     flags;
  Node     *node;       /* SPAN_ATOM */
  char     *symbol;     /* FLAG_DIAG, FLAG_STATUS */
  int       clause;
  Span     *merged;     /* a diagnosis or status merged into that atom */
};

typedef struct
{
  int       parent;     /* for a parenthetical: the clause around it; else -1 */
  gboolean  sentence;   /* opens a sentence (or the text) */
  gboolean  first;      /* the first top-level clause */
  gboolean  voided;
  int       start;
  int       end;
} Clause;

typedef struct
{
  EligoCriterionKind  kind;
  GString            *text;
  int                 len;
  int                *clause_of;    /* per byte */
  GArray             *clauses;      /* of Clause */
  GPtrArray          *spans;        /* of Span, all candidates */
  GPtrArray          *atoms;        /* of Span, kept atoms in text order */
  char               *conn;         /* the text with atoms, neutral and masked spans blanked */
  guint8             *covered;
  gboolean            partial;
  GString            *reason;
  const char         *source;       /* the criterion's text as written */
  GArray             *map;          /* of EligoSource, per byte of text; NULL: lost */
} Reader;


/* Where a byte of the normalised text came from in the criterion's text. */
typedef struct
{
  int start;
  int end;
} EligoSource;

typedef enum
{
  OP_NONE,
  OP_LT,
  OP_LE,
  OP_GT,
  OP_GE,
} Op;

/*
 * A family of patterns: its table, in the order its matchers win ties,
 * and what it reads that the reader does not know.
 */
typedef struct
{
  const char    *name;
  const Matcher *matchers;
  guint          n_matchers;
  /* Reads a match of one of the family's own kinds. Returns the atom's
   * node; NULL or *ok FALSE: its words are masked; *done: the family
   * added its spans itself, or wants none. NULL if it has no kinds. */
  Node        *(*read)  (Reader        *reader,
                         const Matcher *matcher,
                         int            order,
                         GMatchInfo    *info,
                         int            start,
                         int            end,
                         guint         *flags,
                         gboolean      *ok,
                         gboolean      *done);
  /* Drops an atom that says more than its text or less than its
   * variable; TRUE if it did. NULL if the family has no such reading. */
  gboolean     (*check) (Reader        *reader,
                         Span          *atom);
} EligoFamily;

/* The families, in the order their matchers win ties (eligo-rule-extractor.c). */
extern const EligoFamily eligo_rule_family_ages;
extern const EligoFamily eligo_rule_family_labs;
extern const EligoFamily eligo_rule_family_organ;
extern const EligoFamily eligo_rule_family_disease;
extern const EligoFamily eligo_rule_family_history;
extern const EligoFamily eligo_rule_family_infections;

/* Steps of the pipeline that belong to a family. */
void         eligo_rule_ages_drop_signers     (Reader     *reader);
void         eligo_rule_disease_merge         (Reader     *reader);
const char  *eligo_rule_read_exceptions       (Reader     *reader);
EligoExtraction *eligo_rule_build             (Reader     *reader);

/* The patterns every family may use, compiled once. */
typedef struct
{
  GRegex     *negator;
  GRegex     *scope_stop;
  GRegex     *or_stop;
  GRegex     *or_word;
  GRegex     *and_word;
  GRegex     *word;
  GHashTable *generic;
} EligoReaderPatterns;

const EligoReaderPatterns *eligo_reader_patterns (void);
GRegex      *eligo_extractor_compile          (const char *pattern);
GRegex      *eligo_extractor_once             (GRegex            **slot,
                                               const char         *pattern,
                                               GRegexCompileFlags  flags);
gboolean     eligo_extractor_may_contain      (const char *text,
                                               const char *words);
/* g_regex_match_simple() with the pattern compiled once, at its first use. */
#define ELIGO_MATCH_ONCE(pattern, text, flags) \
  G_GNUC_EXTENSION ({ static GRegex *eligo_once_regex = NULL; \
                     g_regex_match (eligo_extractor_once (&eligo_once_regex, (pattern), (flags)), (text), 0, NULL); })
#define ELIGO_SPLIT_ONCE(pattern, text, flags) \
  G_GNUC_EXTENSION ({ static GRegex *eligo_once_regex = NULL; \
                     g_regex_split (eligo_extractor_once (&eligo_once_regex, (pattern), (flags)), (text), 0); })
void         eligo_extractor_normalize        (const char *text,
                                               GString    *out);
void         eligo_extractor_normalize_mapped (const char *text,
                                               GString    *out,
                                               GArray     *map);
gboolean     eligo_source_map_replace         (GArray             *map,
                                               GRegex             *regex,
                                               const char         *before,
                                               const char         *after,
                                               const char         *replacement,
                                               GRegexEvalCallback  eval);
void         eligo_rule_normalize_spellings_mapped (GString   *text,
                                                    GArray    *map);
void         eligo_rule_spans_shift           (GArray     *to,
                                               GArray     *from,
                                               const char *text,
                                               const char *piece,
                                               gsize      *search_from);

/* Nodes */
Node        *eligo_node_new_leaf              (const char *text);
Node        *eligo_node_new_group             (NodeKind    kind);
void         eligo_node_free                  (gpointer    data);
Node        *eligo_node_copy                  (const Node *node);
gboolean     eligo_node_contains_leaf         (const Node *group,
                                               const char *text);
void         eligo_node_add                   (Node       *group,
                                               Node       *child);
void         eligo_node_print                 (const Node *node,
                                               GString    *string,
                                               NodeKind    parent);
gboolean     eligo_node_mentions              (Node       *node,
                                               const char *part);

/* Numbers */
char        *eligo_format_number              (double      number);
gboolean     eligo_parse_number               (const char *text,
                                               double     *number);
Op           eligo_parse_op                   (const char *text);
Node        *eligo_leaf_compare               (const char *var,
                                               Op          op,
                                               double      number);

/* Matches */
char        *eligo_match_fetch                (GMatchInfo *info,
                                               const char *name);
gboolean     eligo_match_has                  (GMatchInfo *info,
                                               const char *name);
int          eligo_char_boundary              (const char *text,
                                               int         len,
                                               int         offset);
gboolean     eligo_regex_in_range             (GRegex     *regex,
                                               const char *text,
                                               int         start,
                                               int         end,
                                               int        *match_start,
                                               int        *match_end,
                                               gboolean    last);

/* Spans and clauses */
void         eligo_span_free                  (gpointer    data);
Span        *eligo_reader_add_span            (Reader     *reader,
                                               SpanType    type,
                                               int         start,
                                               int         end,
                                               int         order);
Span        *eligo_reader_add_atom            (Reader     *reader,
                                               int         start,
                                               int         end,
                                               int         order,
                                               Node       *node,
                                               guint       flags);
void         eligo_reader_note                (Reader     *reader,
                                               const char *format,
                                               ...) G_GNUC_PRINTF (2, 3);
void         eligo_reader_drop_atom           (Reader     *reader,
                                               Span       *atom,
                                               const char *why);
gboolean     eligo_atom_is                    (Span       *atom,
                                               const char *var);
void         eligo_reader_split_clauses       (Reader     *reader);
GPtrArray   *eligo_reader_resolve_overlaps    (Reader     *reader);
Clause      *eligo_reader_clause              (Reader     *reader,
                                               int         id);
int          eligo_reader_top_clause          (Reader     *reader,
                                               int         id);
void         eligo_reader_clause_bounds       (Reader     *reader,
                                               Span       *span,
                                               int        *start,
                                               int        *end);
char        *eligo_reader_clause_text         (Reader     *reader,
                                               int         id,
                                               int         start,
                                               int         end);
char        *eligo_reader_clause_words        (Reader     *reader,
                                               const char *source,
                                               int         top);
int          eligo_reader_sentence_of         (Reader     *reader,
                                               int         at);
gboolean     eligo_reader_is_negated          (Reader     *reader,
                                               Span       *atom);
EligoExtraction *eligo_reader_finish          (Reader     *reader,
                                               Node       *rule);
EligoExtraction *eligo_reader_review          (Reader     *reader,
                                               const char *why);
void         eligo_reader_clear               (Reader     *reader);

G_END_DECLS
