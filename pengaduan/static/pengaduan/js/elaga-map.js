/*
 * e-laga maps and similar reports (progressive enhancement; every page works
 * without it, and the maps work without tiles):
 * - the report form: a Leaflet map above the latitude/longitude inputs, a pin the
 *   resident places by tapping and drags to correct, and "Gunakan lokasi saya"
 *   (the browser's geolocation, asked only when the button is pressed);
 * - the report form: published reports like the one being typed (same category
 *   near the pin, or a similar title), each with "Dukung laporan ini";
 * - a published report: its rounded location on a small map.
 * Texts come from the templates' data-text-* attributes (translated there).
 */
(function () {
    "use strict";

    var SEARCH_DELAY_MS = 400;
    var MIN_TITLE_LENGTH = 4;
    var PIN_ZOOM = 17;
    var VIEW_ZOOM = 16;

    function format(text, values) {
        return text.replace(/%\((\w+)\)s/g, function (match, key) {
            return key in values ? String(values[key]) : match;
        });
    }

    function escapeHtml(text) {
        var element = document.createElement("span");
        element.textContent = text;
        return element.innerHTML;
    }

    function parseCoordinate(value) {
        var text = (value || "").trim();
        if (text.indexOf(",") !== -1 && text.indexOf(".") === -1) {
            text = text.replace(",", ".");
        }
        var number = parseFloat(text);
        return text && isFinite(number) ? number : null;
    }

    function parseBounds(text) {
        var parts = (text || "").split(",").map(parseFloat);
        if (parts.length !== 4 || parts.some(isNaN)) {
            return null;
        }
        return L.latLngBounds([parts[0], parts[1]], [parts[2], parts[3]]);
    }

    /* A map with our tile layer, Indonesian zoom buttons and the attribution. */
    function baseMap(canvas, options, data) {
        var map = L.map(canvas, Object.assign({ zoomControl: false }, options));
        // Leaflet credited as a plain link, without the default prefix's flag.
        map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
        L.control
            .zoom({
                zoomInTitle: data.textZoomIn || "+",
                zoomOutTitle: data.textZoomOut || "-",
            })
            .addTo(map);
        L.tileLayer(data.tileUrl, {
            maxZoom: 19,
            attribution: escapeHtml(data.attribution || ""),
        }).addTo(map);
        return map;
    }

    /* ---------- The pin on the report form ---------- */

    function initPicker(form) {
        var picker = form.querySelector("[data-map-picker]");
        var latitude = form.querySelector("input[name=latitude]");
        var longitude = form.querySelector("input[name=longitude]");
        if (!picker || !latitude || !longitude || !window.L) {
            return;
        }
        var data = picker.dataset;
        var bounds = parseBounds(data.bounds);
        var status = picker.querySelector("[data-map-status]");
        picker.hidden = false;
        var map = baseMap(
            picker.querySelector("[data-map-canvas]"),
            { maxBounds: bounds ? bounds.pad(0.2) : null, minZoom: 8 },
            data
        );
        var marker = null;

        function say(text) {
            status.textContent = text;
        }

        function inside(latlng) {
            return !bounds || bounds.contains(latlng);
        }

        function fillInputs(latlng) {
            latitude.value = latlng.lat.toFixed(6);
            longitude.value = latlng.lng.toFixed(6);
            latitude.dispatchEvent(new Event("change", { bubbles: true }));
        }

        function place(latlng, announce) {
            if (!inside(latlng)) {
                say(data.textOutside);
                return false;
            }
            if (marker) {
                marker.setLatLng(latlng);
            } else {
                marker = L.marker(latlng, {
                    draggable: true,
                    autoPan: true,
                    alt: data.textMarker,
                    title: data.textMarker,
                }).addTo(map);
                marker.on("dragend", function () {
                    var moved = marker.getLatLng();
                    if (place(moved, true)) {
                        fillInputs(moved);
                    }
                });
            }
            if (announce) {
                say(
                    format(data.textPlaced, {
                        lat: latlng.lat.toFixed(5),
                        lng: latlng.lng.toFixed(5),
                    })
                );
            }
            return true;
        }

        function clearPin() {
            if (marker) {
                map.removeLayer(marker);
                marker = null;
            }
            latitude.value = "";
            longitude.value = "";
            latitude.dispatchEvent(new Event("change", { bubbles: true }));
            say(data.textCleared);
        }

        function fromInputs() {
            var lat = parseCoordinate(latitude.value);
            var lng = parseCoordinate(longitude.value);
            if (lat === null || lng === null) {
                return null;
            }
            return L.latLng(lat, lng);
        }

        var typed = fromInputs();
        if (typed && place(typed, false)) {
            map.setView(typed, PIN_ZOOM);
        } else if (bounds) {
            map.fitBounds(bounds);
        }

        map.on("click", function (event) {
            if (place(event.latlng, true)) {
                fillInputs(event.latlng);
            }
        });
        [latitude, longitude].forEach(function (input) {
            input.addEventListener("input", function () {
                var latlng = fromInputs();
                if (latlng && place(latlng, false)) {
                    map.panTo(latlng);
                }
            });
        });

        picker.querySelector("[data-map-clear]").addEventListener("click", clearPin);
        picker.querySelector("[data-map-locate]").addEventListener("click", function () {
            if (!navigator.geolocation) {
                say(data.textUnsupported);
                return;
            }
            say(data.textLocating);
            navigator.geolocation.getCurrentPosition(
                function (position) {
                    var latlng = L.latLng(
                        position.coords.latitude,
                        position.coords.longitude
                    );
                    if (place(latlng, true)) {
                        fillInputs(latlng);
                        map.setView(latlng, PIN_ZOOM);
                    }
                },
                function () {
                    say(data.textDenied);
                },
                { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
            );
        });

        return { bounds: bounds, status: status };
    }

    /* ---------- Similar reports while typing ---------- */

    function initSimilar(form, picker) {
        var box = form.querySelector("[data-similar]");
        var title = form.querySelector("input[name=judul]");
        if (!box || !title || !window.fetch) {
            return;
        }
        var data = box.dataset;
        var list = box.querySelector("[data-similar-list]");
        var kategori = form.querySelector("select[name=kategori]");
        var latitude = form.querySelector("input[name=latitude]");
        var longitude = form.querySelector("input[name=longitude]");
        var csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
        var timer = null;
        var lastQuery = null;
        var sequence = 0;

        function pinParameters(params) {
            if (!latitude || !longitude || !kategori || !kategori.value) {
                return false;
            }
            var lat = parseCoordinate(latitude.value);
            var lng = parseCoordinate(longitude.value);
            if (lat === null || lng === null) {
                return false;
            }
            if (picker && picker.bounds && !picker.bounds.contains([lat, lng])) {
                return false;
            }
            params.set("latitude", lat.toFixed(6));
            params.set("longitude", lng.toFixed(6));
            return true;
        }

        function support(item, button, row) {
            var body = new FormData();
            body.append("csrfmiddlewaretoken", csrf ? csrf.value : "");
            body.append("aksi", "dukung");
            button.disabled = true;
            fetch(item.tautan, {
                method: "POST",
                body: body,
                credentials: "same-origin",
                headers: { Accept: "application/json" },
            })
                .then(function (response) {
                    return response.json();
                })
                .then(function (answer) {
                    var note = document.createElement("p");
                    note.className = "elaga-similar__done";
                    note.setAttribute("role", "status");
                    note.textContent = answer.pesan;
                    button.replaceWith(note);
                    row.querySelector("[data-similar-count]").textContent =
                        answer.jumlah_dukungan + " " + data.textSupports;
                })
                .catch(function () {
                    button.disabled = false;
                    button.textContent = data.textFailed;
                });
        }

        function render(items) {
            list.textContent = "";
            items.forEach(function (item) {
                var row = document.createElement("li");
                row.className = "elaga-similar__item";
                var link = document.createElement(item.tautan ? "a" : "strong");
                link.className = "elaga-similar__title";
                link.textContent = item.judul;
                if (item.tautan) {
                    link.href = item.tautan;
                }
                row.appendChild(link);
                var meta = document.createElement("p");
                meta.className = "elaga-similar__meta";
                var facts = [item.kategori, "Kec. " + item.kecamatan, item.status_label];
                if (item.jarak_m !== null) {
                    facts.push(format(data.textDistance, { meter: item.jarak_m }));
                }
                facts.forEach(function (fact) {
                    var span = document.createElement("span");
                    span.textContent = fact;
                    meta.appendChild(span);
                });
                var count = document.createElement("span");
                count.setAttribute("data-similar-count", "");
                count.textContent = item.jumlah_dukungan + " " + data.textSupports;
                meta.appendChild(count);
                row.appendChild(meta);
                if (item.tautan) {
                    var button = document.createElement("button");
                    button.type = "button";
                    button.className = "button button--secondary";
                    button.textContent = data.textSupport;
                    button.addEventListener("click", function () {
                        support(item, button, row);
                    });
                    row.appendChild(button);
                }
                list.appendChild(row);
            });
            box.hidden = items.length === 0;
        }

        function search() {
            var params = new URLSearchParams();
            var typed = title.value.trim();
            if (typed.length >= MIN_TITLE_LENGTH) {
                params.set("judul", typed.slice(0, 150));
            }
            var withPin = pinParameters(params);
            if (withPin) {
                params.set("kategori", kategori.value);
            }
            var query = params.toString();
            if (query === lastQuery) {
                return;
            }
            lastQuery = query;
            if (!query) {
                render([]);
                return;
            }
            var current = ++sequence;
            fetch(data.similarUrl + "?" + query, {
                credentials: "same-origin",
                headers: { Accept: "application/json" },
            })
                .then(function (response) {
                    return response.ok ? response.json() : [];
                })
                .then(function (items) {
                    if (current !== sequence) {
                        return;
                    }
                    render(items);
                    if (withPin && items.length && picker && picker.status) {
                        picker.status.textContent = format(data.textFound, {
                            count: items.length,
                        });
                    }
                })
                .catch(function () {
                    lastQuery = null;
                });
        }

        function schedule() {
            window.clearTimeout(timer);
            timer = window.setTimeout(search, SEARCH_DELAY_MS);
        }

        title.addEventListener("input", schedule);
        [kategori, latitude, longitude].forEach(function (input) {
            if (input) {
                input.addEventListener("change", schedule);
            }
        });
        search();
    }

    /* ---------- A published report's location ---------- */

    function initView(container) {
        var data = container.dataset;
        var latlng = L.latLng(parseFloat(data.lat), parseFloat(data.lng));
        container.hidden = false;
        var map = baseMap(
            container.querySelector("[data-map-canvas]"),
            { scrollWheelZoom: false },
            data
        );
        map.setView(latlng, VIEW_ZOOM);
        L.circle(latlng, { radius: 100, interactive: false }).addTo(map);
        L.marker(latlng, {
            alt: data.textMarker,
            keyboard: false,
            interactive: false,
        }).addTo(map);
    }

    function init() {
        if (window.L) {
            document.querySelectorAll("[data-map-view]").forEach(initView);
        }
        var form = document.querySelector(".service-form");
        if (form) {
            initSimilar(form, initPicker(form));
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
