#!/usr/bin/env python3
"""Rebuilds the seed corpora of tests/fuzz/corpus/ from tests/data and tests/gold.

    tests/fuzz/make-corpus.py

A small, representative subset, so the repository stays small: every 19th
study record by size (up to 40 kB), the partial records, the smaller
registry responses; the eligibility texts of 60 records; the rules of the
hand-judged gold files; a few patient files; the six Synthea bundles cut
to a dozen resources each, and hand-made bundles for the paths they miss. Deterministic: running it
again writes the same files.
"""
import hashlib
import json
import os
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, 'tests', 'data', 'ctgov')
GOLD = os.path.join(ROOT, 'tests', 'gold')
OUT = os.path.join(ROOT, 'tests', 'fuzz', 'corpus')
MAX_RECORD = 40 * 1024


def reset(target):
    path = os.path.join(OUT, target)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def write(folder, data, name=None):
    if isinstance(data, str):
        data = data.encode('utf-8')
    name = name or hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), 'wb') as f:
        f.write(data)


def studies_by_size():
    folder = os.path.join(DATA, 'studies')
    names = sorted(os.listdir(folder), key=lambda n: (os.path.getsize(os.path.join(folder, n)), n))
    return [os.path.join(folder, n) for n in names]


def import_corpus(studies):
    out = reset('import')
    picked = [p for p in studies[::19] if os.path.getsize(p) <= MAX_RECORD]
    for path in picked:
        shutil.copy(path, os.path.join(out, 'study-' + os.path.basename(path)))
    for folder in ('partial', 'responses'):
        for name in sorted(os.listdir(os.path.join(DATA, folder))):
            path = os.path.join(DATA, folder, name)
            if os.path.getsize(path) <= MAX_RECORD:
                shutil.copy(path, os.path.join(out, folder + '-' + name))
    # The shapes the importer reads besides a single record and a page.
    small = [json.load(open(p, encoding='utf-8')) for p in picked[:3]]
    write(out, json.dumps(small), 'array-of-studies.json')
    write(out, json.dumps({'studies': small[:2], 'nextPageToken': 'NF0g5JGBlPMs'}), 'page.json')
    write(out, '{"protocolSection":{"identificationModule":{"nctId":"NCT09999901",'
               '"briefTitle":"Minimal"}}}', 'minimal.json')
    write(out, '{"studies":[]}', 'empty-page.json')
    # json-glib 1.6 decodes this escape to a lone 0xE9 byte (issue 10).
    write(out, '{"protocolSection":{"identificationModule":{"nctId":"NCT09999902",'
               '"briefTitle":"Bad \\351 title"}}}', 'octal-escape.json')


def eligibility_texts(studies):
    texts = []
    for path in studies[::12]:
        study = json.load(open(path, encoding='utf-8'))
        text = (study.get('protocolSection', {}).get('eligibilityModule', {})
                .get('eligibilityCriteria'))
        if text and len(text.encode('utf-8')) <= 12 * 1024:
            texts.append(text)
        if len(texts) == 60:
            break
    return texts


def text_corpora(studies):
    texts = eligibility_texts(studies)
    texts.append('Inclusion Criteria:\n\n* \u00e9Willing to provide informed consent/assent and '
                 'havleeag ldua grian w=illing to provide informed consent (if required)\n\n'
                 'Exclusion Criteria:\n\n* None')
    for target in ('splitter', 'extractor'):
        out = reset(target)
        for text in texts:
            write(out, text)


def rule_corpus():
    out = reset('rule')
    rules = set()
    rule_cell = re.compile(r'^(?:rule|partial): (.+)$')
    for name in sorted(os.listdir(GOLD)):
        for line in open(os.path.join(GOLD, name), encoding='utf-8'):
            if line.startswith('#'):
                continue
            for cell in line.rstrip('\n').split('\t'):
                m = rule_cell.match(cell.strip())
                if m:
                    rules.add(m.group(1).strip())
    rules.update([
        'age_years >= 14 and age_years <= 80',
        'ecog <= 2',
        'creatinine_x_uln >= 1.5 or bun_x_uln >= 1.5',
        'not prior_car_t',
        'diagnosis in (B-ALL, Burkitt, CML-BP)',
        'sex == female',
        'sex != male and (ecog < 2 or karnofsky > 70)',
        'not (hiv_positive or hbsag_positive) and not not informed_consent',
        'platelets_10e9_l >= 0.05 and anc_10e9_l > 1e-3',
    ])
    for rule in sorted(rules):
        write(out, rule)


PATIENTS = [
    {'id': 'SCR-0042', 'initials': 'AB', 'birth_year': 1990,
     'facts': {'age_years': 34, 'sex': 'female', 'ecog': 1, 'lvef_pct': 60, 'prior_car_t': False,
               'creatinine_umol_l': 70.5, 'weight_kg': None},
     'answers': {'NCT07072494/I3': 'pass',
                 'NCT07072494/E12': {'verdict': 'fail', 'note': 'HBsAg+ on 20 Nov',
                                     'author': 'nurse.k', 'time': '2026-11-23T10:00:00Z'},
                 'NCT06000001/E1': {'verdict': 'fail', 'time': '2026-11-23T11:00:00+01:00'}}},
    {'id': 'SCR-0001', 'facts': {'diagnosis': 'B-ALL', 'disease_status': 'relapsed',
                                 'cd19_positive': True, 'bm_blasts_pct': 12.5,
                                 'months_since_car_t': 0, 'karnofsky': 90}},
    {'id': 'SCR-\u5f20', 'initials': '\u5f20\u4e09',
     'facts': {'diagnosis': 'T-ALL', 'cd7_positive': True, 'platelets_10e9_l': 75,
               'anc_10e9_l': 0.8, 'hemoglobin_g_l': 95, 'bilirubin_x_uln': 1.2}},
    {'id': 'S', 'facts': {}, 'answers': {}},
    {'id': 'SCR-7', 'birth_year': None, 'facts': {'age_years': 17.5, 'lansky': 80,
                                                   'hsct_eligible': False,
                                                   'csf_blasts_per_ul': 3}},
]


def patient_corpus():
    out = reset('patient')
    for i, patient in enumerate(PATIENTS):
        write(out, json.dumps(patient, ensure_ascii=(i % 2 == 0), indent=(2 if i % 3 == 0 else None)),
              'patient-%d.json' % i)
    write(out, '{"id":"SCR\\351","facts":{"age_years":30}}', 'octal-escape.json')
    write(out, '{"id":"SCR-1","facts":{"a\\7":30}}', 'control-escape.json')


FHIR = os.path.join(ROOT, 'tests', 'data', 'fhir')
FHIR_KEEP = ('Patient', 'Observation', 'Condition')


def small_bundle(bundle, start, count):
    """The Patient, and `count` of the Observations and Conditions from
    `start` on: the shapes of a real bundle at a size the fuzzer can mutate."""
    entries = [e for e in bundle['entry'] if e['resource']['resourceType'] in FHIR_KEEP]
    patient = [e for e in entries if e['resource']['resourceType'] == 'Patient']
    rest = [e for e in entries if e['resource']['resourceType'] != 'Patient']
    return dict(bundle, entry=patient + rest[start:start + count])


def fhir_corpus():
    out = reset('fhir')
    for name in sorted(os.listdir(FHIR)):
        bundle = json.load(open(os.path.join(FHIR, name), encoding='utf-8'))
        for start in (0, 40):
            write(out, json.dumps(small_bundle(bundle, start, 12)),
                  'synthea-%s-%d.json' % (name.split('_')[0], start))
    patient = {'resourceType': 'Patient', 'id': 'p1', 'gender': 'female', 'birthDate': '1980-02-29'}
    def obs(code, value, unit, date, **extra):
        o = {'resourceType': 'Observation', 'status': 'final',
             'code': {'coding': [{'system': 'http://loinc.org', 'code': code}]},
             'subject': {'reference': 'Patient/p1'}, 'effectiveDateTime': date,
             'valueQuantity': {'value': value, 'unit': unit, 'system': 'http://unitsofmeasure.org',
                               'code': unit}}
        o.update(extra)
        return {'resource': o}
    entries = [{'resource': patient},
               obs('1975-2', 1.1, 'mg/dL', '2026-11-28', referenceRange=[{'high': {'value': 1.2, 'unit': 'mg/dL'}}]),
               obs('2160-0', 88, 'umol/L', '2026-11-28T09:00:00+01:00'),
               obs('6690-2', 5.2, '10*3/uL', '2026-11-28'),
               obs('751-8', 1.9, '10*9/L', '2026-11-28'),
               obs('777-3', 160, '10*3/uL', '2016-12-31'),
               obs('718-7', 13.25, 'g/dL', '2026-11-30'),
               obs('1742-6', 30, 'furlong', '2026-11-30'),
               {'resource': {'resourceType': 'Observation', 'status': 'final',
                             'code': {'coding': [{'system': 'http://loinc.org', 'code': '89247-1'}]},
                             'effectiveDateTime': '2026-11-29',
                             'valueCodeableConcept': {'coding': [{'system': 'http://loinc.org', 'code': 'LA9623-5'}]}}}]
    for kind in ('collection', 'searchset', 'transaction'):
        write(out, json.dumps({'resourceType': 'Bundle', 'type': kind, 'entry': entries}),
              'hand-%s.json' % kind)
    write(out, json.dumps(patient), 'patient-only.json')
    write(out, '{"resourceType":"Bundle","type":"collection","entry":[]}', 'empty-bundle.json')
    write(out, '{"resourceType":"Bundle","type":"document"}', 'document.json')


def registry_corpus(studies):
    """A first byte (bit 2: a search, else a fetch; bits 0-1: the status,
    3 for 404), then the body the registry answers with."""
    out = reset('registry')
    fetch, search = b'\x00', b'\x04'
    small = [p for p in studies if os.path.getsize(p) <= 12 * 1024][:6]
    for path in small[:3]:
        write(out, fetch + open(path, 'rb').read(), 'fetch-' + os.path.basename(path))
    page = {'studies': [json.load(open(p, encoding='utf-8')) for p in small[3:6]]}
    write(out, search + json.dumps(page).encode('utf-8'), 'search-last-page.json')
    write(out, search + json.dumps(dict(page, nextPageToken='NF0g5JGBlPMs')).encode('utf-8'),
          'search-with-next.json')
    write(out, search + b'{"studies":[],"nextPageToken":"again"}', 'search-empty-next.json')
    write(out, fetch + b'{"studies":[]}', 'fetch-page-instead.json')
    write(out, b'\x03' + b'{"error":"not found"}', 'fetch-404.json')
    write(out, fetch + b'<html><body>Service Unavailable</body></html>', 'fetch-html.json')


def main():
    studies = studies_by_size()
    import_corpus(studies)
    text_corpora(studies)
    rule_corpus()
    patient_corpus()
    fhir_corpus()
    registry_corpus(studies)
    for target in sorted(os.listdir(OUT)):
        folder = os.path.join(OUT, target)
        files = os.listdir(folder)
        size = sum(os.path.getsize(os.path.join(folder, f)) for f in files)
        print('%-10s %3d files, %4d kB' % (target, len(files), size // 1024))
    return 0


if __name__ == '__main__':
    sys.exit(main())
