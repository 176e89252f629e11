#!/usr/bin/env python3
"""Reference scikit-learn baseline for TSUR Pulse text classification.

Reproduces the agreed baseline so the Java classifier can be compared side by side on
exactly the same splits. Run from the project root with the *system* python (Debian's
python3-sklearn / python3-pandas; no PyPI needed):

    cd /work/main && /usr/bin/python3 scripts/baseline_sklearn.py [--data ../shared/data]

Model (one independent model per label, input = message text only)
-------------------------------------------------------------------
    Pipeline(
      FunctionTransformer(clean)                       # preprocessing, see below
      FeatureUnion(
        TfidfVectorizer(analyzer='char_wb', ngram_range=(2,5), sublinear_tf=True, min_df=2),
        TfidfVectorizer(analyzer='word',    ngram_range=(1,2), sublinear_tf=True, min_df=1)),
      LinearSVC(C=0.5))
All other parameters are sklearn defaults (so: lowercase=True, token_pattern r"(?u)\\b\\w\\w+\\b",
norm='l2', smooth_idf=True for both vectorizers; LinearSVC squared-hinge, one-vs-rest, tol=1e-4,
max_iter=1000, random_state=0 fixed for reproducibility).

Preprocessing `clean(text)`, exactly and in this order:
  1. every HTML tag, i.e. regex `<[^>]*>`, is replaced by one space
     (Kursk texts carry <p>, <span style=...>, <br>, <strong>, ... ; SPb texts have none);
  2. html.unescape(): HTML entities decoded (&nbsp; -> U+00A0, &amp; -> &, &laquo; -> «, ...);
  3. str.lower();
  4. every run of whitespace (regex `\\s+`, Unicode-aware, so U+00A0 included) -> one space, strip.
Nothing else: no stemming, no stop words, no removal of the portal's 'XXXX' personal-data masks,
no e/yo folding, digits and punctuation kept.

Evaluation
----------
Kursk (../shared/data/kursk/train.csv, 2,000 rows; labels category, topic, executor):
  StratifiedKFold(n_splits=5, shuffle=True, random_state=42) stratified on `category`, over ALL
  2,000 rows in file order. The same folds are used for all three labels. Category 12 has a single
  row and categories 2, 9, 14 have fewer than 5; sklearn only *warns* about that (it raises only if
  no class has >= n_splits members), so nothing is dropped: the singleton lands in one test fold,
  where it is necessarily mispredicted (it is absent from that fold's training data). The warning is
  silenced. Fold assignment is written to scripts/kursk_folds.csv (columns id,fold; fold 0..4; rows
  in train.csv order) so the Java side can use identical folds.
  Reported: accuracy and macro-F1 = mean over the 5 folds of the per-fold score (each fold's
  macro-F1 is sklearn f1_score(average='macro'), i.e. over the union of labels present in that fold's
  y_true and y_pred, zero_division=0). Pooled out-of-fold figures are printed as an extra info line.
St Petersburg (../shared/data/spb/appeals-2020-10-18_2021-01-31.csv.gz):
  train = created_at < 2021-01-01 (string compare on the ISO timestamp), test = created_at >=
  2021-01-01 (January 2021). Labels: category, reason (reported as label=topic), executor_org
  (reported as label=executor; rows whose executor_org is empty are dropped from train and test for
  that label only). Macro-F1: sklearn f1_score(average='macro', zero_division=0), i.e. over the union
  of labels in y_true and y_pred of the test set.

Throughput: the SPb category model's pipeline.predict() on the raw SPb test texts (so preprocessing
+ both vectorizers + SVM), timed with time.perf_counter, best of 3, in this single process with
OMP/OPENBLAS/MKL thread counts set to 1 before numpy is imported and (where the OS allows) the
process pinned to one CPU with os.sched_setaffinity.

Output: one line per (dataset, label) in the form
    baseline dataset=kursk label=category accuracy=0.795 macro_f1=0.700 n=2000
(n = number of evaluated messages), then `baseline throughput_msgs_per_s=...`; lines starting with
`info` carry train times and other details.
"""

import os

# Must happen before numpy/scipy/sklearn are imported.
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import html  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import sklearn  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402
from sklearn.pipeline import FeatureUnion, Pipeline  # noqa: E402
from sklearn.preprocessing import FunctionTransformer  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402

TAG_RE = re.compile(r"<[^>]*>")
WS_RE = re.compile(r"\s+")


def clean(text):
    text = TAG_RE.sub(" ", text)
    text = html.unescape(text)
    text = text.lower()
    return WS_RE.sub(" ", text).strip()


def clean_all(texts):
    return [clean(t) for t in texts]


def make_model():
    return Pipeline([
        ("clean", FunctionTransformer(clean_all)),
        ("features", FeatureUnion([
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5),
                                     sublinear_tf=True, min_df=2)),
            ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2),
                                     sublinear_tf=True, min_df=1)),
        ])),
        ("svm", LinearSVC(C=0.5, random_state=0)),
    ])


def scores(y_true, y_pred):
    return (accuracy_score(y_true, y_pred),
            f1_score(y_true, y_pred, average="macro", zero_division=0))


def line(dataset, label, acc, f1, n):
    print(f"baseline dataset={dataset} label={label} accuracy={acc:.3f} "
          f"macro_f1={f1:.3f} n={n}", flush=True)


def run_kursk(data_dir, folds_out):
    df = pd.read_csv(os.path.join(data_dir, "kursk", "train.csv"), dtype={"text": str})
    df["text"] = df["text"].fillna("")
    assert df["id"].is_unique, "kursk ids must be unique for the fold file"
    skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
    fold = np.full(len(df), -1, dtype=int)
    with warnings.catch_warnings():
        # "The least populated class in y has only 1 members" -- expected, see docstring.
        warnings.filterwarnings("ignore", message="The least populated class",
                                category=UserWarning)
        splits = list(skf.split(df["text"], df["category"]))
    for k, (_, te) in enumerate(splits):
        fold[te] = k
    pd.DataFrame({"id": df["id"], "fold": fold}).to_csv(folds_out, index=False)
    print(f"info kursk folds written to {folds_out} sizes="
          f"{np.bincount(fold).tolist()}", flush=True)

    texts = df["text"].to_numpy()
    for label in ("category", "topic", "executor"):
        y = df[label].astype(str).to_numpy()
        accs, f1s, fit_s = [], [], []
        oof = np.empty(len(df), dtype=object)
        for tr, te in splits:
            m = make_model()
            t0 = time.perf_counter()
            m.fit(texts[tr], y[tr])
            fit_s.append(time.perf_counter() - t0)
            pred = m.predict(texts[te])
            oof[te] = pred
            a, f = scores(y[te], pred)
            accs.append(a)
            f1s.append(f)
        line("kursk", label, float(np.mean(accs)), float(np.mean(f1s)), len(df))
        pa, pf = scores(y, oof)
        print(f"info kursk label={label} classes={len(set(y))} fold_acc="
              f"{[round(a, 3) for a in accs]} acc_std={np.std(accs):.3f} "
              f"pooled_oof_acc={pa:.3f} pooled_oof_macro_f1={pf:.3f} "
              f"train_s_per_fold={np.mean(fit_s):.2f} train_s_total={sum(fit_s):.2f}",
              flush=True)


def run_spb(data_dir):
    df = pd.read_csv(os.path.join(data_dir, "spb", "appeals-2020-10-18_2021-01-31.csv.gz"),
                     dtype=str, keep_default_na=False)
    train_mask = (df["created_at"] < "2021-01-01").to_numpy()
    test_mask = ~train_mask
    print(f"info spb train_rows={train_mask.sum()} test_rows={test_mask.sum()}", flush=True)
    category_model, category_test_texts = None, None
    for col, label in (("category", "category"), ("reason", "topic"),
                       ("executor_org", "executor")):
        has = (df[col].str.strip() != "").to_numpy()
        tr = df[train_mask & has]
        te = df[test_mask & has]
        m = make_model()
        t0 = time.perf_counter()
        m.fit(tr["text"].to_numpy(), tr[col].to_numpy())
        fit_s = time.perf_counter() - t0
        pred = m.predict(te["text"].to_numpy())
        a, f = scores(te[col].to_numpy(), pred)
        line("spb", label, a, f, len(te))
        unseen = (~te[col].isin(set(tr[col]))).sum()
        print(f"info spb label={label} column={col} train_n={len(tr)} "
              f"classes_train={tr[col].nunique()} classes_test={te[col].nunique()} "
              f"test_rows_with_unseen_label={unseen} train_s={fit_s:.2f}", flush=True)
        if label == "category":
            category_model, category_test_texts = m, te["text"].to_numpy()
    return category_model, category_test_texts


def throughput(model, texts):
    pinned = "no"
    if hasattr(os, "sched_setaffinity"):
        try:
            cpu = min(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {cpu})
            pinned = f"cpu{cpu}"
        except OSError:
            pass
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        model.predict(texts)
        best = min(best, time.perf_counter() - t0)
    print(f"baseline throughput_msgs_per_s={len(texts) / best:.0f}", flush=True)
    print(f"info throughput model=spb/category n={len(texts)} best_of_3_s={best:.3f} "
          f"pinned={pinned} threads=1", flush=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "data"))
    p.add_argument("--folds-out", default=os.path.join(here, "kursk_folds.csv"))
    args = p.parse_args()
    print(f"info python={sys.version.split()[0]} sklearn={sklearn.__version__} "
          f"numpy={np.__version__} pandas={pd.__version__}", flush=True)
    t0 = time.perf_counter()
    run_kursk(args.data, args.folds_out)
    model, texts = run_spb(args.data)
    throughput(model, texts)
    print(f"info total_runtime_s={time.perf_counter() - t0:.1f}", flush=True)


if __name__ == "__main__":
    main()
