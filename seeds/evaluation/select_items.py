"""Draws the real items of balkan-dev-set.tsv (run from the repository root; reads ../shared/data or
$MONITORING_CORPORA). Prints one line per drawn item: id, language, text. The text is only shown to the person
labelling; the set stores the id and the labels, never the RTS or UD text.

RTS: articles keyed by the number in their URL, first row of each number, headlines of 4 words or more (the
scraper cut some at an inner quote: "Случај "), stratified by month of publication (each month gets its share of
the draw, rounded, at least 1), shuffled within the month with a fixed seed; the first picks of a month are read
in Cyrillic (rts.csv), the next ones in Latin (rts_latin.csv), so no article is in the set twice.
UD: sentences of the SETimes documents of the dev files (sent_id set-…/set.hr-…: Balkan news; the files also hold
web pages and other news of their own, left out), 6 words or more (punctuation and numbers not counted), a seeded
random draw.
"""
import csv, os, random, re, sys

corpora = os.environ.get("MONITORING_CORPORA", os.path.join("..", "shared", "data"))
per_script = int(sys.argv[1]) if len(sys.argv) > 1 else 150
per_ud = int(sys.argv[2]) if len(sys.argv) > 2 else 75
rng = random.Random(20261206)

def rts(name):
    rows = {}
    with open(os.path.join(corpora, "balkans", name), encoding="utf-8-sig") as file:
        for row in csv.DictReader(file):
            number = row["url"].split("/")[5]
            if number not in rows and len(row["headline"].split()) >= 4:
                month = " ".join(row["datePublished"].split(",")[1].split()[1:3])
                rows[number] = (month, row["headline"].strip())
    return rows

cyrillic, latin = rts("rts.csv"), rts("rts_latin.csv")
common = sorted(set(cyrillic) & set(latin), key=int)
months = {}
for number in common:
    months.setdefault(cyrillic[number][0], []).append(number)
for month in sorted(months):
    numbers = months[month]
    rng.shuffle(numbers)
    share = max(1, round(per_script * len(numbers) / len(common)))
    for number in numbers[:share]:
        print(f"rts:{number}\tsr-Cyrl\t{cyrillic[number][1]}")
    for number in numbers[share:2 * share]:
        print(f"rts:{number}\tsr-Latn\t{latin[number][1]}")

def ud(language):
    sentences, sent_id = [], None
    with open(os.path.join(corpora, "ud-set", f"{language}_set-ud-dev.conllu"), encoding="utf-8") as file:
        for line in file:
            if line.startswith("# sent_id = "):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text = "):
                text = line.split("=", 1)[1].strip()
                if sent_id.startswith("set") and len([w for w in re.findall(r"\w+", text) if not w.isdigit()]) >= 6:
                    sentences.append((sent_id, text))
    return sentences

for language, variant in (("sr", "sr-Latn"), ("hr", "hr")):
    for sent_id, text in sorted(rng.sample(ud(language), per_ud), key=lambda item: int(item[0].split("-s")[1])):
        print(f"ud:{language}:{sent_id}\t{variant}\t{text}")
