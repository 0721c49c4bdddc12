import Foundation
/// The explorer's one stylesheet and one script, served from `/static/` (the Content-Security-Policy allows
/// nothing inline). The pages work without the script: it only suggests as you type.
enum Assets {
    static let css = """
        body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
        header { background: #123; color: #fff; padding: .6em 1em; display: flex; flex-wrap: wrap; gap: .8em;
          align-items: center; position: relative; }
        header a { color: #cde; } header .brand { font-weight: 700; color: #fff; text-decoration: none; }
        header form { display: flex; gap: .3em; } header input[type=search] { width: 26em; }
        #suggestions { position: absolute; top: 2.6em; left: 7.5em; background: #fff; color: #000; z-index: 2;
          box-shadow: 0 2px 8px #0004; min-width: 26em; }
        #suggestions a { display: block; padding: .25em .6em; color: #024; text-decoration: none; }
        #suggestions a:hover, #suggestions a:focus { background: #def; }
        #suggestions .kind, .hits .kind { color: #667; font-size: .8em; margin-right: .5em; }
        main { padding: 1em 1.5em; max-width: 80em; } footer { color: #667; padding: 1em 1.5em; font-size: .85em; }
        table { border-collapse: collapse; margin: .6em 0; background: #fff; }
        th, td { border: 1px solid #ccd; padding: .25em .6em; text-align: left; vertical-align: top; }
        th { background: #eef; } .error { color: #a00; } .empty, .small { color: #667; }
        .notice { background: #ffe; border: 1px solid #dd8; padding: .5em; }
        .stack { display: flex; flex-direction: column; gap: .4em; max-width: 60em; }
        form.big input { font-size: 1.2em; width: 30em; } form.least { margin: 1em 0; }
        pre { background: #fff; border: 1px solid #ccd; padding: .6em; overflow-x: auto; white-space: pre-wrap; }
        ul.columns { columns: 3; } details { margin: .3em 0; } summary { cursor: pointer; }
        .tier { font-size: .75em; font-weight: 600; padding: 0 .35em; border-radius: .6em; white-space: nowrap;
          background: #dde6dd; color: #234; } .tier.t0 { background: #b00020; color: #fff; }
        .tier.t1 { background: #f3c969; color: #321; } .tier0 { border-left: 4px solid #b00020; padding-left: .8em; }
        dl dt { font-weight: 600; } dl dd { margin: 0 0 .4em 1em; }
        """

    static let script = """
        "use strict";
        (function () {
          const box = document.getElementById("q");
          const list = document.getElementById("suggestions");
          if (box && list) {
            let timer = null;
            box.addEventListener("input", function () {
              clearTimeout(timer);
              timer = setTimeout(async function () {
                const text = box.value.trim();
                list.replaceChildren();
                if (text.length < 2) { return; }
                try {
                  const response = await fetch("/api/search?q=" + encodeURIComponent(text));
                  if (!response.ok || box.value.trim() !== text) { return; }
                  for (const hit of await response.json()) {
                    const link = document.createElement("a");
                    link.href = hit.href;
                    const kind = document.createElement("span");
                    kind.className = "kind";
                    kind.textContent = hit.kind;
                    link.append(kind, document.createTextNode(hit.label));
                    list.append(link);
                  }
                } catch (error) { /* the form still works */ }
              }, 120);
            });
          }
        })();
        """
}
