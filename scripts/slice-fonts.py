# Cuts fonts into unicode-range slices (WOFF2) for the PDFs that embed their own fonts, and writes their manifest.
# Usage: slice-fonts.py PLAN OUTDIR FONT... (run by scripts/setup-fonts.sh with Debian's python3-fonttools and
# python3-brotli). Each face is cut along the plan's frequency slices (a code point belongs to the first slice that
# names it); what a face has beyond the plan goes into "rest-N" slices of 256 code points in code point order.
# Reproducible: the same fonts, plan and fontTools give the same bytes (no timestamps are recalculated, output sorted).
import io
import logging
import json
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor

from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont

REST_SIZE = 256


def parse_ranges(text):
    cps = set()
    for part in text.split(','):
        a, _, b = part.strip().partition('-')
        cps.update(range(int(a, 16), int(b or a, 16) + 1))
    return cps


def compact(cps):
    out, run = [], None
    for cp in sorted(cps):
        if run and cp == run[1] + 1:
            run[1] = cp
        else:
            if run:
                out.append(run)
            run = [cp, cp]
    if run:
        out.append(run)
    return ','.join(f'{a:x}' if a == b else f'{a:x}-{b:x}' for a, b in out)


def name_of(font, *ids):
    for i in ids:
        n = font['name'].getName(i, 3, 1, 0x409) or font['name'].getName(i, 1, 0, 0)
        if n:
            return n.toUnicode()
    raise SystemExit('font without a family name')


def slice_face(args):
    path, plan, outdir = args
    raw = open(path, 'rb').read()
    font = TTFont(io.BytesIO(raw), lazy=True)
    family = name_of(font, 16, 1)
    style = name_of(font, 17, 2)
    cmap = set(font.getBestCmap().keys()) - {0}
    font.close()
    face_id = re.sub(r'[^a-z0-9]+', '-', f'{family}-{style}'.lower()).strip('-')
    os.makedirs(os.path.join(outdir, face_id), exist_ok=True)
    left = set(cmap)
    cuts = []
    for s in plan:
        cps = left & s['cps']
        if cps:
            cuts.append((s['name'], cps))
            left -= cps
    rest = sorted(left)
    for i in range(0, len(rest), REST_SIZE):
        cuts.append((f'rest-{i // REST_SIZE}', set(rest[i:i + REST_SIZE])))
    slices = []
    for name, cps in cuts:
        options = Options()
        options.flavor = 'woff2'
        options.name_IDs = ['*']
        options.name_languages = ['*']
        options.notdef_outline = True
        options.layout_features = ['*']
        # FontForge's timestamp table: it changes with every conversion and nothing reads it.
        options.drop_tables += ['FFTM']
        f = TTFont(io.BytesIO(raw), recalcTimestamp=False)
        sub = Subsetter(options)
        sub.populate(unicodes=sorted(cps))
        sub.subset(f)
        buf = io.BytesIO()
        f.flavor = 'woff2'
        f.save(buf)
        data = buf.getvalue()
        file = f'{face_id}/{name}.woff2'
        with open(os.path.join(outdir, file), 'wb') as out:
            out.write(data)
        slices.append({'name': name, 'file': file, 'ranges': compact(cps), 'bytes': len(data)})
    return {'id': face_id, 'family': family, 'style': style, 'source': os.path.basename(path), 'slices': slices}


def main():
    logging.getLogger('fontTools').setLevel(logging.ERROR)
    plan_path, outdir, fonts = sys.argv[1], sys.argv[2], sys.argv[3:]
    plan = [{'name': s['name'], 'cps': parse_ranges(s['ranges'])} for s in json.load(open(plan_path, encoding='utf-8'))['slices']]
    with ProcessPoolExecutor(max_workers=2) as pool:
        faces = list(pool.map(slice_face, [(p, plan, outdir) for p in fonts]))
    faces.sort(key=lambda f: f['id'])
    manifest = {'format': 1, 'faces': faces}
    tmp = os.path.join(outdir, 'manifest.json.tmp')
    with open(tmp, 'w', encoding='utf-8') as out:
        json.dump(manifest, out, ensure_ascii=False, sort_keys=True, separators=(',', ':'))
    os.replace(tmp, os.path.join(outdir, 'manifest.json'))


if __name__ == '__main__':
    main()
