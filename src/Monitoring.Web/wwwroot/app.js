// Small browser helpers the Blazor pages call through JS interop.
window.monitoring = {
    // The page's h1 takes focus after an in-app navigation (FocusOnPageChange.cs); a heading is not a control, so
    // it is made focusable by script only (tabindex -1: out of the Tab order).
    focusHeading() {
        const heading = document.querySelector("#main-content h1") ?? document.querySelector("h1");
        if (heading) {
            if (!heading.hasAttribute("tabindex")) {
                heading.tabIndex = -1;
            }
            heading.focus();
        }
        this.returnToOpenedResult(heading);
    },

    // Back from an article to the search it was opened from, focus goes to the result that was opened, so a
    // keyboard user goes on from there instead of tabbing through the filters again. The results are drawn after
    // the page (they are searched for), so the link may come a moment after the heading took focus: it takes
    // focus then, unless the person has moved it meanwhile.
    returnToOpenedResult(heading) {
        const saved = sessionStorage.getItem(openedResultKey);
        if (!saved) {
            return;
        }

        const { page, href } = JSON.parse(saved);
        if (page !== location.pathname + location.search) {
            return;
        }

        sessionStorage.removeItem(openedResultKey);
        const find = () => [...document.querySelectorAll(".search-hit a.result-title")].find(link => link.getAttribute("href") === href);
        const take = link => {
            const active = document.activeElement;
            if (active === heading || active === document.body || !active?.isConnected) {
                link.focus();
            }
        };
        const now = find();
        if (now) {
            take(now);
            return;
        }

        const observer = new MutationObserver(() => {
            const link = find();
            if (link) {
                observer.disconnect();
                take(link);
            }
        });
        observer.observe(document.getElementById("main-content") ?? document.body, { childList: true, subtree: true });
        setTimeout(() => observer.disconnect(), 15000);
    },

    // After a table is drawn anew, the button a person pressed in it may be a new element: when focus is lost with the
    // old one, it goes to the button of that name, or to the page's heading when there is none any more (a removed
    // row). The server may ask before the browser has drawn the new table (it answers an earlier drawing), so the
    // loss is watched for, a few seconds at most; a person moving focus elsewhere meanwhile ends the watch.
    focusButtonIfLost(name) {
        const pressed = document.activeElement;
        const until = performance.now() + 3000;
        const watch = () => {
            const active = document.activeElement;
            const lost = !active || active === document.body || !active.isConnected;
            if (lost) {
                const button = [...document.querySelectorAll("button[aria-label]")].find(element => element.getAttribute("aria-label") === name);
                if (button) {
                    button.focus();
                } else {
                    this.focusHeading();
                }
                return;
            }

            if (active === pressed && performance.now() < until) {
                requestAnimationFrame(watch);
            }
        };
        watch();
    },

    // After a page has drawn what it loaded: the h1 takes focus if nothing has it (HeadingFocus.cs).
    focusHeadingIfLost() {
        const active = document.activeElement;
        if (!active || active === document.body || !active.isConnected) {
            this.focusHeading();
        }
    },

    // The chart as a standalone SVG document: CSS variables of the page are resolved into the copy, so the
    // file looks the same outside the app (in light or dark mode as shown).
    chartMarkup(svgId) {
        const svg = document.getElementById(svgId);
        if (!svg) {
            return null;
        }

        const copy = svg.cloneNode(true);
        const box = svg.viewBox.baseVal;
        copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
        copy.setAttribute("width", box.width);
        copy.setAttribute("height", box.height);
        const style = copy.querySelector("style");
        if (style) {
            const computed = getComputedStyle(svg);
            style.textContent = style.textContent.replace(/var\((--[\w-]+),\s*([^)]+)\)/g,
                (_, name, fallback) => computed.getPropertyValue(name).trim() || fallback);
        }

        const background = getComputedStyle(document.body).backgroundColor || "#ffffff";
        const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
        rect.setAttribute("width", "100%");
        rect.setAttribute("height", "100%");
        rect.setAttribute("fill", background);
        copy.insertBefore(rect, copy.firstChild);
        return { markup: new XMLSerializer().serializeToString(copy), width: box.width, height: box.height };
    },

    download(blob, fileName) {
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    },

    downloadSvg(svgId, fileName) {
        const chart = this.chartMarkup(svgId);
        if (chart) {
            this.download(new Blob([chart.markup], { type: "image/svg+xml" }), fileName);
        }
    },

    // Draws the SVG onto a canvas at twice its size and saves the canvas as PNG.
    downloadPng(svgId, fileName) {
        const chart = this.chartMarkup(svgId);
        if (!chart) {
            return Promise.resolve();
        }

        const scale = 2;
        return new Promise((resolve, reject) => {
            const image = new Image();
            image.onload = () => {
                const canvas = document.createElement("canvas");
                canvas.width = chart.width * scale;
                canvas.height = chart.height * scale;
                const context = canvas.getContext("2d");
                context.scale(scale, scale);
                context.drawImage(image, 0, 0, chart.width, chart.height);
                canvas.toBlob(blob => {
                    this.download(blob, fileName);
                    resolve();
                }, "image/png");
            };
            image.onerror = reject;
            image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(chart.markup);
        });
    },

    // Returns at once: an export may take longer than a JS interop call is allowed to.
    startDownload(url, format, progress) {
        this.streamDownload(url, format, progress).catch(error => progress.invokeMethodAsync("ExportFailed", String(error)));
    },

    // Streams an export to a file while telling the page how many rows have arrived. Rows are counted by
    // line: CSV rows are the lines after the header that do not start with "#"; JSON has one article per
    // line, each starting with {"id".
    async streamDownload(url, format, progress) {
        const response = await fetch(url);
        if (!response.ok) {
            await progress.invokeMethodAsync("ExportFailed", (await response.text()) || response.statusText);
            return;
        }

        const disposition = response.headers.get("Content-Disposition") || "";
        const named = /filename="?([^";]+)"?/.exec(disposition);
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        const chunks = [];
        let bytes = 0;
        let rows = 0;
        let headerSeen = false;
        let pending = "";
        let lastReport = 0;
        const countLine = line => {
            if (format === "csv") {
                if (line.length === 0 || line.startsWith("#")) {
                    return;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    return;
                }
                rows++;
            } else if (line.startsWith('{"id"')) {
                rows++;
            }
        };
        for (;;) {
            const { done, value } = await reader.read();
            if (done) {
                break;
            }
            chunks.push(value);
            bytes += value.length;
            const lines = (pending + decoder.decode(value, { stream: true })).split("\n");
            pending = lines.pop();
            lines.forEach(countLine);
            if (Date.now() - lastReport > 200) {
                lastReport = Date.now();
                await progress.invokeMethodAsync("ExportProgress", rows, bytes);
            }
        }
        countLine(pending + decoder.decode());

        const link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("Content-Type") || "application/octet-stream" }));
        link.download = named ? named[1] : "search-export." + format;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
        await progress.invokeMethodAsync("ExportFinished", rows, bytes);
    },
};

// Which result a search opened (click or Enter on its title), so that coming back focuses it (returnToOpenedResult).
const openedResultKey = "monitoring.openedResult";
document.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest(".search-hit a.result-title") : null;
    if (link) {
        sessionStorage.setItem(openedResultKey, JSON.stringify({ page: location.pathname + location.search, href: link.getAttribute("href") }));
    }
}, true);

// Skip links: Blazor takes over clicks on links, and for one to a place on the same page it scrolls there but
// leaves focus where it was, so the next Tab would go back through the app bar. Focus moves to the target as the
// link promises. Capturing, so that it runs before Blazor's own listener.
document.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest("a.skip-link, a.skip-inline") : null;
    const target = link ? document.querySelector(link.getAttribute("href")) : null;
    if (target) {
        event.preventDefault();
        event.stopPropagation();
        target.focus();
        target.scrollIntoView();
    }
}, true);

// Keyboard reading of the trends charts (TimeChart). Each chart's <svg class="chart-plot"> is one Tab stop; its
// drill-down links (a.point, out of the Tab order) are the points a marker moves over: Left/Right along a series,
// Up/Down to the previous/next series (at the nearest bucket), Home/End to a series' first/last point, Enter opens
// the point as a click would. The readout under the chart (aria-live) says series, bucket and value. Listeners
// sit on the document, so charts Blazor redraws or replaces need no wiring; the active point is remembered by
// series and bucket, not by element, for the same reason.
(() => {
    const keys = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "Enter"]);
    const chartOf = target => target instanceof SVGSVGElement && target.classList.contains("chart-plot") ? target : null;
    const dayNumber = bucket => Date.parse(bucket) / 86400000;

    // Points per series, series in the order they are drawn (the legend's), points in bucket order.
    const seriesOf = svg => {
        const bySeries = new Map();
        for (const point of svg.querySelectorAll("a.point")) {
            const key = point.dataset.series;
            if (!bySeries.has(key)) {
                bySeries.set(key, []);
            }
            bySeries.get(key).push(point);
        }
        return [...bySeries.values()];
    };

    const nearest = (points, bucket) => {
        let best = 0;
        points.forEach((point, i) => {
            if (Math.abs(dayNumber(point.dataset.bucket) - dayNumber(bucket)) < Math.abs(dayNumber(points[best].dataset.bucket) - dayNumber(bucket))) {
                best = i;
            }
        });
        return best;
    };

    // [series index, point index] of the remembered point, or of the nearest one left after a redraw.
    const position = (svg, series) => {
        const remembered = series.findIndex(points => points[0].dataset.series === svg.dataset.activeSeries);
        if (remembered < 0 || !svg.dataset.activeBucket) {
            return [0, 0];
        }
        return [remembered, nearest(series[remembered], svg.dataset.activeBucket)];
    };

    const activate = (svg, point) => {
        svg.querySelectorAll("a.point.active").forEach(other => other.classList.remove("active"));
        point.classList.add("active");
        svg.dataset.activeSeries = point.dataset.series;
        svg.dataset.activeBucket = point.dataset.bucket;
        const readout = document.getElementById(svg.id + "-readout");
        const title = point.querySelector("title");
        if (readout && title) {
            readout.textContent = title.textContent;
        }
    };

    document.addEventListener("focusin", event => {
        const svg = chartOf(event.target);
        const series = svg ? seriesOf(svg) : [];
        if (series.length > 0) {
            const [s, i] = position(svg, series);
            activate(svg, series[s][i]);
        }
    });

    document.addEventListener("keydown", event => {
        const svg = chartOf(event.target);
        if (!svg || !keys.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }

        const series = seriesOf(svg);
        if (series.length === 0) {
            return;
        }

        event.preventDefault();
        let [s, i] = position(svg, series);
        const bucket = series[s][i].dataset.bucket;
        switch (event.key) {
            case "ArrowLeft": i = Math.max(0, i - 1); break;
            case "ArrowRight": i = Math.min(series[s].length - 1, i + 1); break;
            case "Home": i = 0; break;
            case "End": i = series[s].length - 1; break;
            case "ArrowUp":
            case "ArrowDown":
                s = Math.min(series.length - 1, Math.max(0, s + (event.key === "ArrowDown" ? 1 : -1)));
                i = nearest(series[s], bucket);
                break;
            case "Enter":
                series[s][i].dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window }));
                return;
        }
        activate(svg, series[s][i]);
    });
})();
