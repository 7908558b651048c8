// mapeq web page, built from web/ (sources sha256 0605912810a84362f51f92c2c3d07d70a254dbf9c4c7b8376a9da110d79626fe)
var Q=class extends Error{constructor(n,e,r,i){super(r),this.status=n,this.code=e,this.field=i??null}};async function Tn(t,n,e){let r;try{r=await fetch(n,{method:t,headers:e===void 0?{}:{"Content-Type":"application/json"},body:e===void 0?void 0:JSON.stringify(e)})}catch(a){throw new Q(0,"network_error",`the server did not answer (${a.message})`,null)}let i=await r.text(),o=null;try{o=i?JSON.parse(i):null}catch{o=null}if(!r.ok){let a=o?.error;throw new Q(r.status,a?.code??"http_error",a?.message??`${r.status} ${i.slice(0,200)}`,a?.field??null)}return o}var Gt=(t,n)=>Tn("POST",t,n),Sn=t=>Tn("GET",t);async function be(){try{let t=await Sn("/openapi.json"),n=t?.paths??{};return{jobs:!!(n["/v1/jobs"]?.post&&n["/v1/jobs/{job_id}"]?.get),jobResult:!!n["/v1/jobs/{job_id}/result"]?.get,vectors:!!n["/v1/cluster/vectors"]?.post,version:t?.info?.version??""}}catch{return{jobs:!1,jobResult:!1,vectors:!1,version:""}}}var ei=t=>new Promise(n=>setTimeout(n,t));async function Cn(t,n,e,{interval:r=250,signal:i}={}){let o=await Gt("/v1/jobs",{kind:t,...n});for(e(o);!["succeeded","failed","cancelled"].includes(o.status);){if(i?.aborted)throw await Tn("DELETE",`/v1/jobs/${o.id}`).catch(()=>{}),new Q(0,"cancelled","cancelled",null);await ei(r),o=await Sn(`/v1/jobs/${o.id}`),e(o)}if(o.status!=="succeeded")throw new Q(422,`job_${o.status}`,`job ${o.status}${o.error?`: ${o.error}`:""}`,null);return{job:o,result:await Sn(`/v1/jobs/${o.id}/result`)}}var In=[{key:"karate",title:"Zachary's karate club (34 nodes)",file:"karate.net",format:"pajek",text:`# Zachary's karate club (34 nodes, 78 edges), 1-based ids
*Vertices 34
1 "1"
2 "2"
3 "3"
4 "4"
5 "5"
6 "6"
7 "7"
8 "8"
9 "9"
10 "10"
11 "11"
12 "12"
13 "13"
14 "14"
15 "15"
16 "16"
17 "17"
18 "18"
19 "19"
20 "20"
21 "21"
22 "22"
23 "23"
24 "24"
25 "25"
26 "26"
27 "27"
28 "28"
29 "29"
30 "30"
31 "31"
32 "32"
33 "33"
34 "34"
*Edges 78
1 2
1 3
1 4
1 5
1 6
1 7
1 8
1 9
1 11
1 12
1 13
1 14
1 18
1 20
1 22
1 32
2 3
2 4
2 8
2 14
2 18
2 20
2 22
2 31
3 4
3 8
3 9
3 10
3 14
3 28
3 29
3 33
4 8
4 13
4 14
5 7
5 11
6 7
6 11
6 17
7 17
9 31
9 33
9 34
10 34
14 34
15 33
15 34
16 33
16 34
19 33
19 34
20 34
21 33
21 34
23 33
23 34
24 26
24 28
24 30
24 33
24 34
25 26
25 28
25 32
26 32
27 30
27 34
28 34
29 32
29 34
30 33
30 34
31 33
31 34
32 33
32 34
33 34
`},{key:"lesmis",title:"Les Mis\xE9rables co-appearances (77 nodes, weighted)",file:"lesmis.net",format:"pajek",text:`# Les Miserables co-appearances (networkx), weighted
*Vertices 77
1 "Anzelma"
2 "Babet"
3 "Bahorel"
4 "Bamatabois"
5 "BaronessT"
6 "Blacheville"
7 "Bossuet"
8 "Boulatruelle"
9 "Brevet"
10 "Brujon"
11 "Champmathieu"
12 "Champtercier"
13 "Chenildieu"
14 "Child1"
15 "Child2"
16 "Claquesous"
17 "Cochepaille"
18 "Combeferre"
19 "Cosette"
20 "Count"
21 "CountessDeLo"
22 "Courfeyrac"
23 "Cravatte"
24 "Dahlia"
25 "Enjolras"
26 "Eponine"
27 "Fameuil"
28 "Fantine"
29 "Fauchelevent"
30 "Favourite"
31 "Feuilly"
32 "Gavroche"
33 "Geborand"
34 "Gervais"
35 "Gillenormand"
36 "Grantaire"
37 "Gribier"
38 "Gueulemer"
39 "Isabeau"
40 "Javert"
41 "Joly"
42 "Jondrette"
43 "Judge"
44 "Labarre"
45 "Listolier"
46 "LtGillenormand"
47 "Mabeuf"
48 "Magnon"
49 "Marguerite"
50 "Marius"
51 "MlleBaptistine"
52 "MlleGillenormand"
53 "MlleVaubois"
54 "MmeBurgon"
55 "MmeDeR"
56 "MmeHucheloup"
57 "MmeMagloire"
58 "MmePontmercy"
59 "MmeThenardier"
60 "Montparnasse"
61 "MotherInnocent"
62 "MotherPlutarch"
63 "Myriel"
64 "Napoleon"
65 "OldMan"
66 "Perpetue"
67 "Pontmercy"
68 "Prouvaire"
69 "Scaufflaire"
70 "Simplice"
71 "Thenardier"
72 "Tholomyes"
73 "Toussaint"
74 "Valjean"
75 "Woman1"
76 "Woman2"
77 "Zephine"
*Edges 254
64 63 1
63 51 8
63 57 10
63 21 1
63 33 1
63 12 1
63 23 1
63 20 2
63 65 1
63 74 5
51 57 6
51 74 3
57 74 3
74 44 1
74 49 1
74 55 1
74 39 1
74 34 1
74 28 9
74 59 7
74 71 12
74 19 31
74 40 17
74 29 8
74 4 2
74 70 3
74 69 1
74 75 2
74 43 3
74 11 3
74 9 2
74 13 2
74 17 2
74 76 3
74 61 1
74 32 1
74 35 2
74 52 2
74 50 19
74 25 4
74 7 1
74 38 1
74 2 1
74 16 1
74 60 1
74 73 1
49 28 2
45 72 4
45 27 4
45 6 4
45 30 3
45 24 3
45 77 3
45 28 3
72 27 4
72 6 4
72 30 3
72 24 3
72 77 3
72 28 3
72 19 1
72 50 1
27 6 4
27 30 3
27 24 3
27 77 3
27 28 3
6 30 4
6 24 3
6 77 3
6 28 3
30 24 5
30 77 4
30 28 4
24 77 4
24 28 4
77 28 4
28 59 2
28 71 1
28 40 5
28 4 1
28 66 1
28 70 2
59 71 13
59 19 4
59 40 1
59 26 2
59 1 1
59 48 1
59 38 1
59 2 1
59 16 1
71 19 1
71 40 5
71 67 1
71 8 1
71 26 3
71 1 2
71 32 1
71 50 2
71 38 5
71 2 6
71 16 4
71 60 1
71 10 3
19 40 1
19 76 1
19 35 3
19 52 2
19 46 1
19 50 21
19 73 2
40 29 1
40 4 1
40 70 1
40 75 1
40 76 1
40 32 1
40 25 6
40 38 1
40 2 2
40 16 1
40 60 1
40 73 1
29 61 3
29 37 2
4 43 2
4 11 2
4 9 1
4 13 1
4 17 1
66 70 2
43 11 3
43 9 2
43 13 2
43 17 2
11 9 2
11 13 2
11 17 2
9 13 2
9 17 2
13 17 2
67 58 1
67 50 1
26 1 2
26 50 5
26 47 1
26 22 1
26 38 1
26 2 1
26 16 1
26 60 1
26 10 1
54 42 1
54 32 2
32 50 4
32 47 1
32 25 7
32 18 6
32 68 1
32 31 2
32 22 7
32 3 5
32 7 5
32 41 3
32 36 1
32 38 1
32 2 1
32 60 1
32 14 2
32 15 2
32 10 1
32 56 1
35 48 1
35 52 9
35 46 1
35 50 12
35 5 1
52 58 1
52 53 1
52 46 2
52 50 6
46 50 1
50 5 1
50 47 1
50 25 7
50 18 5
50 31 1
50 22 9
50 3 1
50 7 5
50 41 2
47 25 1
47 18 2
47 31 1
47 22 2
47 3 2
47 7 1
47 41 1
47 62 3
25 18 15
25 68 4
25 31 6
25 22 17
25 3 4
25 7 10
25 41 5
25 36 3
25 16 1
25 56 1
18 68 2
18 31 5
18 22 13
18 3 5
18 7 9
18 41 5
18 36 1
68 31 2
68 22 3
68 3 2
68 7 2
68 41 2
68 36 1
31 22 6
31 3 3
31 7 6
31 41 5
31 36 1
22 3 6
22 7 12
22 41 5
22 36 2
22 56 1
3 7 4
3 41 5
3 36 1
3 56 1
7 41 7
7 36 3
7 56 1
41 36 2
41 56 1
36 56 1
38 2 6
38 16 4
38 60 2
38 10 3
2 16 4
2 60 2
2 10 3
16 60 2
16 10 1
60 10 1
14 15 3
`},{key:"twotriangles",title:"Two triangles (6 nodes)",file:"twotriangles.net",format:"pajek",text:`# +---+                      +---+
# |   |                      |   |
# | A +------+        +------+ E |
# |   |      |        |      |   |
# +-+-+    +-+-+    +-+-+    +-+-+
#   |      |   |    |   |      |
#   |      | C +----+ D |      |
#   |      |   |    |   |      |
# +-+-+    +-+-+    +-+-+    +-+-+
# |   |      |        |      |   |
# | B +------+        +------+ F |
# |   |                      |   |
# +---+                      +---+
#
*Vertices
1 "A"
2 "B"
3 "C"
4 "D"
5 "E"
6 "F"
*Edges
1 2
1 3
2 3
3 4
4 5
4 6
5 6
`}],Me=[{key:"animals-vehicles",title:"Six toy embeddings: animals and vehicles",format:"csv",text:`label,x,y,z
cat,1,0,0
kitten,0.9,0.1,0
lion,0.95,0.05,0
car,0,1,0
truck,0.1,0.9,0
bus,0,0.95,0.05
`}];var ke=[{name:"tree",extension:".tree",media:"text/plain",what:"path flow name node_id (the official hierarchy file)"},{name:"ftree",extension:".ftree",media:"text/plain",what:"the tree plus links between modules"},{name:"clu",extension:".clu",media:"text/plain",what:"node_id module flow (top modules)"},{name:"csv",extension:".csv",media:"text/csv",what:"path,flow,name,node_id"},{name:"newick",extension:".nwk",media:"text/plain",what:"the hierarchy as a Newick tree"},{name:"json",extension:".json",media:"application/json",what:"the API's JSON answer"}];function V(t,n=9){if(Number.isNaN(t))return"nan";if(!Number.isFinite(t))return t>0?"inf":"-inf";if(t===0)return Object.is(t,-0)?"-0":"0";let[e,r]=t.toExponential(n-1).split("e"),i=Number(r),o=a=>a.includes(".")?a.replace(/0+$/,"").replace(/\.$/,""):a;if(i<-4||i>=n){let a=Math.abs(i);return`${o(e)}e${i<0?"-":"+"}${a<10?"0":""}${a}`}return o(t.toFixed(Math.max(0,n-1-i)))}function zn(t,n){let{response:e,request:r}=t,i=e.trial_codelengths||[e.codelength],o=0;i.forEach((s,u)=>{s<i[o]&&(o=u)});let a=[`# mapeq ${e.metadata?.engine_version??""}`,`# trials ${o+1} of ${r.num_trials}`,`# seed ${r.seed}`,`# partitioned into ${e.num_levels} levels with ${e.num_modules} top modules`,`# codelength ${V(e.codelength)} bits`,`# relative codelength savings ${V(100*e.relative_codelength_savings,6)}%`,`# flow model ${t.flowModel}`];return n&&a.push(`# ${n}`),a.join(`
`)+`
`}var Ne=t=>`"${String(t).replaceAll('"',"'")}"`;function $e(t){let n=[],e=r=>{r.children?r.children.forEach(e):n.push(r)};return e(t),n}function ri(t){return t.parent?t.path:"root"}function Ae(t){let n=$e(t.tree.root).map(e=>`${e.path} ${V(e.flow)} ${Ne(e.name)} ${e.node}
`);return zn(t,"path flow name node_id")+n.join("")}function ii(t){return`path,flow,name,node_id
`+$e(t.tree.root).map(e=>`${e.path},${V(e.flow)},${Ne(e.name)},${e.node}
`).join("")}function oi(t){let{modules:n,node_flow:e}=t.response,r=Object.keys(n),i=s=>e?.[s]??t.tree.byNode.get(s)?.flow??0,a=r.map((s,u)=>u).sort((s,u)=>n[r[s]]-n[r[u]]||s-u).map(s=>`${t.tree.byNode.get(r[s])?.node??r[s]} ${n[r[s]]} ${V(i(r[s]))}
`);return zn(t,null)+`# module level 1
# node_id module flow
`+a.join("")}function si(t){let n=r=>{let i=String(r);return/^[\p{L}\p{N}_.-]*$/u.test(i)?i:`'${i.replaceAll("'","''")}'`},e=r=>r.children?`(${r.children.map(e).join(",")}):${V(r.flow)}`:`${n(r.node)}:${V(r.flow)}`;return zn(t,null)+e(t.tree.root)+`;
`}function ai(t){let{tree:n,flows:e,directed:r}=t,i=[`*Links ${r?"directed":"undirected"}`,"#*Links path enterFlow exitFlow numEdges numChildren"],o=new Map;for(let{s,t:u,flow:c}of e){if(s===u)continue;let l=n.byNode.get(s),f=n.byNode.get(u);if(!l||!f)continue;for(;l.parent!==f.parent;){let w=l.depth,p=f.depth;w>=p&&(l=l.parent),p>=w&&(f=f.parent)}let[h,d]=[l.rank,f.rank];!r&&h>d&&([h,d]=[d,h]),o.has(l.parent)||o.set(l.parent,new Map);let v=o.get(l.parent),m=`${h} ${d}`;v.set(m,(v.get(m)??0)+c)}let a=s=>{if(!s.children)return;let u=o.get(s)??new Map;i.push(`*Links ${ri(s)} ${V(s.enter)} ${V(s.exit)} ${u.size} ${s.children.length}`);let c=[...u].map(([l,f])=>[...l.split(" ").map(Number),f]).sort((l,f)=>l[0]-f[0]||l[1]-f[1]);for(let[l,f,h]of c)i.push(`${l} ${f} ${V(h)}`);s.children.forEach(a)};return a(n.root),Ae(t)+i.join(`
`)+`
`}function ui(t){return JSON.stringify(t.response,null,1)+`
`}function Ee(t,n){return{tree:Ae,ftree:ai,clu:oi,csv:ii,newick:si,json:ui}[n](t)}function li(t){let n=+this._x.call(null,t),e=+this._y.call(null,t);return Te(this.cover(n,e),n,e,t)}function Te(t,n,e,r){if(isNaN(n)||isNaN(e))return t;var i,o=t._root,a={data:r},s=t._x0,u=t._y0,c=t._x1,l=t._y1,f,h,d,v,m,w,p,b;if(!o)return t._root=a,t;for(;o.length;)if((m=n>=(f=(s+c)/2))?s=f:c=f,(w=e>=(h=(u+l)/2))?u=h:l=h,i=o,!(o=o[p=w<<1|m]))return i[p]=a,t;if(d=+t._x.call(null,o.data),v=+t._y.call(null,o.data),n===d&&e===v)return a.next=o,i?i[p]=a:t._root=a,t;do i=i?i[p]=new Array(4):t._root=new Array(4),(m=n>=(f=(s+c)/2))?s=f:c=f,(w=e>=(h=(u+l)/2))?u=h:l=h;while((p=w<<1|m)===(b=(v>=h)<<1|d>=f));return i[b]=o,i[p]=a,t}function ci(t){Array.isArray(t)||(t=Array.from(t));let n=t.length,e=new Float64Array(n),r=new Float64Array(n),i=1/0,o=i,a=-i,s=a;for(let u=0,c,l,f;u<n;++u){if(isNaN(l=+this._x.call(null,c=t[u]))||isNaN(f=+this._y.call(null,c))){e[u]=NaN;continue}e[u]=l,r[u]=f,l<i&&(i=l),l>a&&(a=l),f<o&&(o=f),f>s&&(s=f)}if(i>a||o>s)return this;this.cover(i,o).cover(a,s);for(let u=0;u<n;++u)Te(this,e[u],r[u],t[u]);return this}function fi(t,n){if(isNaN(t=+t)||isNaN(n=+n))return this;var e=this._x0,r=this._y0,i=this._x1,o=this._y1;if(isNaN(e))i=(e=Math.floor(t))+1,o=(r=Math.floor(n))+1;else{for(var a=i-e||1,s=this._root,u,c;e>t||t>=i||r>n||n>=o;)switch(c=(n<r)<<1|t<e,u=new Array(4),u[c]=s,s=u,a*=2,c){case 0:i=e+a,o=r+a;break;case 1:e=i-a,o=r+a;break;case 2:i=e+a,r=o-a;break;case 3:e=i-a,r=o-a;break}this._root&&this._root.length&&(this._root=s)}return this._x0=e,this._y0=r,this._x1=i,this._y1=o,this}function hi(){var t=[];return this.visit(function(n){if(!n.length)do t.push(n.data);while(n=n.next)}),t}function di(t){return arguments.length?this.cover(+t[0][0],+t[0][1]).cover(+t[1][0],+t[1][1]):isNaN(this._x0)?void 0:[[this._x0,this._y0],[this._x1,this._y1]]}function H(t,n,e,r,i){this.node=t,this.x0=n,this.y0=e,this.x1=r,this.y1=i}function pi(t,n,e){var r,i=this._x0,o=this._y0,a,s,u,c,l=this._x1,f=this._y1,h=[],d=this._root,v,m;for(d&&h.push(new H(d,i,o,l,f)),e==null?e=1/0:(i=t-e,o=n-e,l=t+e,f=n+e,e*=e);v=h.pop();)if(!(!(d=v.node)||(a=v.x0)>l||(s=v.y0)>f||(u=v.x1)<i||(c=v.y1)<o))if(d.length){var w=(a+u)/2,p=(s+c)/2;h.push(new H(d[3],w,p,u,c),new H(d[2],a,p,w,c),new H(d[1],w,s,u,p),new H(d[0],a,s,w,p)),(m=(n>=p)<<1|t>=w)&&(v=h[h.length-1],h[h.length-1]=h[h.length-1-m],h[h.length-1-m]=v)}else{var b=t-+this._x.call(null,d.data),M=n-+this._y.call(null,d.data),g=b*b+M*M;if(g<e){var N=Math.sqrt(e=g);i=t-N,o=n-N,l=t+N,f=n+N,r=d.data}}return r}function gi(t){if(isNaN(l=+this._x.call(null,t))||isNaN(f=+this._y.call(null,t)))return this;var n,e=this._root,r,i,o,a=this._x0,s=this._y0,u=this._x1,c=this._y1,l,f,h,d,v,m,w,p;if(!e)return this;if(e.length)for(;;){if((v=l>=(h=(a+u)/2))?a=h:u=h,(m=f>=(d=(s+c)/2))?s=d:c=d,n=e,!(e=e[w=m<<1|v]))return this;if(!e.length)break;(n[w+1&3]||n[w+2&3]||n[w+3&3])&&(r=n,p=w)}for(;e.data!==t;)if(i=e,!(e=e.next))return this;return(o=e.next)&&delete e.next,i?(o?i.next=o:delete i.next,this):n?(o?n[w]=o:delete n[w],(e=n[0]||n[1]||n[2]||n[3])&&e===(n[3]||n[2]||n[1]||n[0])&&!e.length&&(r?r[p]=e:this._root=e),this):(this._root=o,this)}function mi(t){for(var n=0,e=t.length;n<e;++n)this.remove(t[n]);return this}function yi(){return this._root}function wi(){var t=0;return this.visit(function(n){if(!n.length)do++t;while(n=n.next)}),t}function vi(t){var n=[],e,r=this._root,i,o,a,s,u;for(r&&n.push(new H(r,this._x0,this._y0,this._x1,this._y1));e=n.pop();)if(!t(r=e.node,o=e.x0,a=e.y0,s=e.x1,u=e.y1)&&r.length){var c=(o+s)/2,l=(a+u)/2;(i=r[3])&&n.push(new H(i,c,l,s,u)),(i=r[2])&&n.push(new H(i,o,l,c,u)),(i=r[1])&&n.push(new H(i,c,a,s,l)),(i=r[0])&&n.push(new H(i,o,a,c,l))}return this}function xi(t){var n=[],e=[],r;for(this._root&&n.push(new H(this._root,this._x0,this._y0,this._x1,this._y1));r=n.pop();){var i=r.node;if(i.length){var o,a=r.x0,s=r.y0,u=r.x1,c=r.y1,l=(a+u)/2,f=(s+c)/2;(o=i[0])&&n.push(new H(o,a,s,l,f)),(o=i[1])&&n.push(new H(o,l,s,u,f)),(o=i[2])&&n.push(new H(o,a,f,l,c)),(o=i[3])&&n.push(new H(o,l,f,u,c))}e.push(r)}for(;r=e.pop();)t(r.node,r.x0,r.y0,r.x1,r.y1);return this}function _i(t){return t[0]}function bi(t){return arguments.length?(this._x=t,this):this._x}function Mi(t){return t[1]}function ki(t){return arguments.length?(this._y=t,this):this._y}function Ut(t,n,e){var r=new On(n??_i,e??Mi,NaN,NaN,NaN,NaN);return t==null?r:r.addAll(t)}function On(t,n,e,r,i,o){this._x=t,this._y=n,this._x0=e,this._y0=r,this._x1=i,this._y1=o,this._root=void 0}function Se(t){for(var n={data:t.data},e=n;t=t.next;)e=e.next={data:t.data};return n}var W=Ut.prototype=On.prototype;W.copy=function(){var t=new On(this._x,this._y,this._x0,this._y0,this._x1,this._y1),n=this._root,e,r;if(!n)return t;if(!n.length)return t._root=Se(n),t;for(e=[{source:n,target:t._root=new Array(4)}];n=e.pop();)for(var i=0;i<4;++i)(r=n.source[i])&&(r.length?e.push({source:r,target:n.target[i]=new Array(4)}):n.target[i]=Se(r));return t};W.add=li;W.addAll=ci;W.cover=fi;W.data=hi;W.extent=di;W.find=pi;W.remove=gi;W.removeAll=mi;W.root=yi;W.size=wi;W.visit=vi;W.visitAfter=xi;W.x=bi;W.y=ki;var Ni={value:()=>{}};function wt(){for(var t=0,n=arguments.length,e={},r;t<n;++t){if(!(r=arguments[t]+"")||r in e||/[\s.]/.test(r))throw new Error("illegal type: "+r);e[r]=[]}return new Kt(e)}function Kt(t){this._=t}function $i(t,n){return t.trim().split(/^|\s+/).map(function(e){var r="",i=e.indexOf(".");if(i>=0&&(r=e.slice(i+1),e=e.slice(0,i)),e&&!n.hasOwnProperty(e))throw new Error("unknown type: "+e);return{type:e,name:r}})}Kt.prototype=wt.prototype={constructor:Kt,on:function(t,n){var e=this._,r=$i(t+"",e),i,o=-1,a=r.length;if(arguments.length<2){for(;++o<a;)if((i=(t=r[o]).type)&&(i=Ai(e[i],t.name)))return i;return}if(n!=null&&typeof n!="function")throw new Error("invalid callback: "+n);for(;++o<a;)if(i=(t=r[o]).type)e[i]=Ce(e[i],t.name,n);else if(n==null)for(i in e)e[i]=Ce(e[i],t.name,null);return this},copy:function(){var t={},n=this._;for(var e in n)t[e]=n[e].slice();return new Kt(t)},call:function(t,n){if((i=arguments.length-2)>0)for(var e=new Array(i),r=0,i,o;r<i;++r)e[r]=arguments[r+2];if(!this._.hasOwnProperty(t))throw new Error("unknown type: "+t);for(o=this._[t],r=0,i=o.length;r<i;++r)o[r].value.apply(n,e)},apply:function(t,n,e){if(!this._.hasOwnProperty(t))throw new Error("unknown type: "+t);for(var r=this._[t],i=0,o=r.length;i<o;++i)r[i].value.apply(n,e)}};function Ai(t,n){for(var e=0,r=t.length,i;e<r;++e)if((i=t[e]).name===n)return i.value}function Ce(t,n,e){for(var r=0,i=t.length;r<i;++r)if(t[r].name===n){t[r]=Ni,t=t.slice(0,r).concat(t.slice(r+1));break}return e!=null&&t.push({name:n,value:e}),t}var Et=0,Lt=0,Ot=0,ze=1e3,Zt,Rt,Qt=0,vt=0,nn=0,Ft=typeof performance=="object"&&performance.now?performance:Date,Oe=typeof window=="object"&&window.requestAnimationFrame?window.requestAnimationFrame.bind(window):function(t){setTimeout(t,17)};function en(){return vt||(Oe(Ei),vt=Ft.now()+nn)}function Ei(){vt=0}function tn(){this._call=this._time=this._next=null}tn.prototype=Dt.prototype={constructor:tn,restart:function(t,n,e){if(typeof t!="function")throw new TypeError("callback is not a function");e=(e==null?en():+e)+(n==null?0:+n),!this._next&&Rt!==this&&(Rt?Rt._next=this:Zt=this,Rt=this),this._call=t,this._time=e,Ln()},stop:function(){this._call&&(this._call=null,this._time=1/0,Ln())}};function Dt(t,n,e){var r=new tn;return r.restart(t,n,e),r}function Si(){en(),++Et;for(var t=Zt,n;t;)(n=vt-t._time)>=0&&t._call.call(void 0,n),t=t._next;--Et}function Ie(){vt=(Qt=Ft.now())+nn,Et=Lt=0;try{Si()}finally{Et=0,Ci(),vt=0}}function Ti(){var t=Ft.now(),n=t-Qt;n>ze&&(nn-=n,Qt=t)}function Ci(){for(var t,n=Zt,e,r=1/0;n;)n._call?(r>n._time&&(r=n._time),t=n,n=n._next):(e=n._next,n._next=null,n=t?t._next=e:Zt=e);Rt=t,Ln(r)}function Ln(t){if(!Et){Lt&&(Lt=clearTimeout(Lt));var n=t-vt;n>24?(t<1/0&&(Lt=setTimeout(Ie,Math.ceil(t-Ft.now()-nn)+1)),Ot&&(Ot=clearInterval(Ot))):(Ot||(Qt=Ft.now(),Ot=setInterval(Ti,ze)),Et=1,Oe(Ie))}}function Rn(t,n,e){var r=new tn;return n=n==null?0:+n,r.restart(i=>{r.stop(),t(i+n)},n,e),r}function Y(t){return function(){return t}}function pt(t){return(t()-.5)*1e-6}function Ii(t){return t.x+t.vx}function zi(t){return t.y+t.vy}function Fe(t){var n,e,r,i=1,o=1;typeof t!="function"&&(t=Y(t==null?1:+t));function a(){for(var c,l=n.length,f,h,d,v,m,w,p=0;p<o;++p)for(f=Ut(n,Ii,zi).visitAfter(s),c=0;c<l;++c)h=n[c],m=e[h.index],w=m*m,d=h.x+h.vx,v=h.y+h.vy,f.visit(b);function b(M,g,N,x,k){var O=M.data,R=M.r,z=m+R;if(O){if(O.index>h.index){var L=d-O.x-O.vx,P=v-O.y-O.vy,D=L*L+P*P;D<z*z&&(L===0&&(L=pt(r),D+=L*L),P===0&&(P=pt(r),D+=P*P),D=(z-(D=Math.sqrt(D)))/D*i,h.vx+=(L*=D)*(z=(R*=R)/(w+R)),h.vy+=(P*=D)*z,O.vx-=L*(z=1-z),O.vy-=P*z)}return}return g>d+z||x<d-z||N>v+z||k<v-z}}function s(c){if(c.data)return c.r=e[c.data.index];for(var l=c.r=0;l<4;++l)c[l]&&c[l].r>c.r&&(c.r=c[l].r)}function u(){if(n){var c,l=n.length,f;for(e=new Array(l),c=0;c<l;++c)f=n[c],e[f.index]=+t(f,c,n)}}return a.initialize=function(c,l){n=c,r=l,u()},a.iterations=function(c){return arguments.length?(o=+c,a):o},a.strength=function(c){return arguments.length?(i=+c,a):i},a.radius=function(c){return arguments.length?(t=typeof c=="function"?c:Y(+c),u(),a):t},a}function Oi(t){return t.index}function Le(t,n){var e=t.get(n);if(!e)throw new Error("node not found: "+n);return e}function De(t){var n=Oi,e=f,r,i=Y(30),o,a,s,u,c,l=1;t==null&&(t=[]);function f(w){return 1/Math.min(s[w.source.index],s[w.target.index])}function h(w){for(var p=0,b=t.length;p<l;++p)for(var M=0,g,N,x,k,O,R,z;M<b;++M)g=t[M],N=g.source,x=g.target,k=x.x+x.vx-N.x-N.vx||pt(c),O=x.y+x.vy-N.y-N.vy||pt(c),R=Math.sqrt(k*k+O*O),R=(R-o[M])/R*w*r[M],k*=R,O*=R,x.vx-=k*(z=u[M]),x.vy-=O*z,N.vx+=k*(z=1-z),N.vy+=O*z}function d(){if(a){var w,p=a.length,b=t.length,M=new Map(a.map((N,x)=>[n(N,x,a),N])),g;for(w=0,s=new Array(p);w<b;++w)g=t[w],g.index=w,typeof g.source!="object"&&(g.source=Le(M,g.source)),typeof g.target!="object"&&(g.target=Le(M,g.target)),s[g.source.index]=(s[g.source.index]||0)+1,s[g.target.index]=(s[g.target.index]||0)+1;for(w=0,u=new Array(b);w<b;++w)g=t[w],u[w]=s[g.source.index]/(s[g.source.index]+s[g.target.index]);r=new Array(b),v(),o=new Array(b),m()}}function v(){if(a)for(var w=0,p=t.length;w<p;++w)r[w]=+e(t[w],w,t)}function m(){if(a)for(var w=0,p=t.length;w<p;++w)o[w]=+i(t[w],w,t)}return h.initialize=function(w,p){a=w,c=p,d()},h.links=function(w){return arguments.length?(t=w,d(),h):t},h.id=function(w){return arguments.length?(n=w,h):n},h.iterations=function(w){return arguments.length?(l=+w,h):l},h.strength=function(w){return arguments.length?(e=typeof w=="function"?w:Y(+w),v(),h):e},h.distance=function(w){return arguments.length?(i=typeof w=="function"?w:Y(+w),m(),h):i},h}var Li=1664525,Ri=1013904223,Re=4294967296;function Fi(){let t=1;return()=>(t=(Li*t+Ri)%Re)/Re}function Di(t){return t.x}function Bi(t){return t.y}var Pi=10,qi=Math.PI*(3-Math.sqrt(5));function Be(t){var n,e=1,r=.001,i=1-Math.pow(r,1/300),o=0,a=.6,s=new Map,u=Dt(f),c=wt("tick","end"),l=Fi();t==null&&(t=[]);function f(){h(),c.call("tick",n),e<r&&(u.stop(),c.call("end",n))}function h(m){var w,p=t.length,b;m===void 0&&(m=1);for(var M=0;M<m;++M)for(e+=(o-e)*i,s.forEach(function(g){g(e)}),w=0;w<p;++w)b=t[w],b.fx==null?b.x+=b.vx*=a:(b.x=b.fx,b.vx=0),b.fy==null?b.y+=b.vy*=a:(b.y=b.fy,b.vy=0);return n}function d(){for(var m=0,w=t.length,p;m<w;++m){if(p=t[m],p.index=m,p.fx!=null&&(p.x=p.fx),p.fy!=null&&(p.y=p.fy),isNaN(p.x)||isNaN(p.y)){var b=Pi*Math.sqrt(.5+m),M=m*qi;p.x=b*Math.cos(M),p.y=b*Math.sin(M)}(isNaN(p.vx)||isNaN(p.vy))&&(p.vx=p.vy=0)}}function v(m){return m.initialize&&m.initialize(t,l),m}return d(),n={tick:h,restart:function(){return u.restart(f),n},stop:function(){return u.stop(),n},nodes:function(m){return arguments.length?(t=m,d(),s.forEach(v),n):t},alpha:function(m){return arguments.length?(e=+m,n):e},alphaMin:function(m){return arguments.length?(r=+m,n):r},alphaDecay:function(m){return arguments.length?(i=+m,n):+i},alphaTarget:function(m){return arguments.length?(o=+m,n):o},velocityDecay:function(m){return arguments.length?(a=1-m,n):1-a},randomSource:function(m){return arguments.length?(l=m,s.forEach(v),n):l},force:function(m,w){return arguments.length>1?(w==null?s.delete(m):s.set(m,v(w)),n):s.get(m)},find:function(m,w,p){var b=0,M=t.length,g,N,x,k,O;for(p==null?p=1/0:p*=p,b=0;b<M;++b)k=t[b],g=m-k.x,N=w-k.y,x=g*g+N*N,x<p&&(O=k,p=x);return O},on:function(m,w){return arguments.length>1?(c.on(m,w),n):c.on(m)}}}function Pe(){var t,n,e,r,i=Y(-30),o,a=1,s=1/0,u=.81;function c(d){var v,m=t.length,w=Ut(t,Di,Bi).visitAfter(f);for(r=d,v=0;v<m;++v)n=t[v],w.visit(h)}function l(){if(t){var d,v=t.length,m;for(o=new Array(v),d=0;d<v;++d)m=t[d],o[m.index]=+i(m,d,t)}}function f(d){var v=0,m,w,p=0,b,M,g;if(d.length){for(b=M=g=0;g<4;++g)(m=d[g])&&(w=Math.abs(m.value))&&(v+=m.value,p+=w,b+=w*m.x,M+=w*m.y);d.x=b/p,d.y=M/p}else{m=d,m.x=m.data.x,m.y=m.data.y;do v+=o[m.data.index];while(m=m.next)}d.value=v}function h(d,v,m,w){if(!d.value)return!0;var p=d.x-n.x,b=d.y-n.y,M=w-v,g=p*p+b*b;if(M*M/u<g)return g<s&&(p===0&&(p=pt(e),g+=p*p),b===0&&(b=pt(e),g+=b*b),g<a&&(g=Math.sqrt(a*g)),n.vx+=p*d.value*r/g,n.vy+=b*d.value*r/g),!0;if(d.length||g>=s)return;(d.data!==n||d.next)&&(p===0&&(p=pt(e),g+=p*p),b===0&&(b=pt(e),g+=b*b),g<a&&(g=Math.sqrt(a*g)));do d.data!==n&&(M=o[d.data.index]*r/g,n.vx+=p*M,n.vy+=b*M);while(d=d.next)}return c.initialize=function(d,v){t=d,e=v,l()},c.strength=function(d){return arguments.length?(i=typeof d=="function"?d:Y(+d),l(),c):i},c.distanceMin=function(d){return arguments.length?(a=d*d,c):Math.sqrt(a)},c.distanceMax=function(d){return arguments.length?(s=d*d,c):Math.sqrt(s)},c.theta=function(d){return arguments.length?(u=d*d,c):Math.sqrt(u)},c}function qe(t){var n=Y(.1),e,r,i;typeof t!="function"&&(t=Y(t==null?0:+t));function o(s){for(var u=0,c=e.length,l;u<c;++u)l=e[u],l.vx+=(i[u]-l.x)*r[u]*s}function a(){if(e){var s,u=e.length;for(r=new Array(u),i=new Array(u),s=0;s<u;++s)r[s]=isNaN(i[s]=+t(e[s],s,e))?0:+n(e[s],s,e)}}return o.initialize=function(s){e=s,a()},o.strength=function(s){return arguments.length?(n=typeof s=="function"?s:Y(+s),a(),o):n},o.x=function(s){return arguments.length?(t=typeof s=="function"?s:Y(+s),a(),o):t},o}function je(t){var n=Y(.1),e,r,i;typeof t!="function"&&(t=Y(t==null?0:+t));function o(s){for(var u=0,c=e.length,l;u<c;++u)l=e[u],l.vy+=(i[u]-l.y)*r[u]*s}function a(){if(e){var s,u=e.length;for(r=new Array(u),i=new Array(u),s=0;s<u;++s)r[s]=isNaN(i[s]=+t(e[s],s,e))?0:+n(e[s],s,e)}}return o.initialize=function(s){e=s,a()},o.strength=function(s){return arguments.length?(n=typeof s=="function"?s:Y(+s),a(),o):n},o.y=function(s){return arguments.length?(t=typeof s=="function"?s:Y(+s),a(),o):t},o}var Fn="http://www.w3.org/1999/xhtml",Xe={svg:"http://www.w3.org/2000/svg",xhtml:Fn,xlink:"http://www.w3.org/1999/xlink",xml:"http://www.w3.org/XML/1998/namespace",xmlns:"http://www.w3.org/2000/xmlns/"};function Bt(t){var n=t+="",e=n.indexOf(":");return e>=0&&(n=t.slice(0,e))!=="xmlns"&&(t=t.slice(e+1)),Xe.hasOwnProperty(n)?{space:Xe[n],local:t}:t}function ji(t){return function(){var n=this.ownerDocument,e=this.namespaceURI;return e===Fn&&n.documentElement.namespaceURI===Fn?n.createElement(t):n.createElementNS(e,t)}}function Xi(t){return function(){return this.ownerDocument.createElementNS(t.space,t.local)}}function Ve(t){var n=Bt(t);return(n.local?Xi:ji)(n)}function Vi(){}function on(t){return t==null?Vi:function(){return this.querySelector(t)}}function Hi(t){typeof t!="function"&&(t=on(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=new Array(a),u,c,l=0;l<a;++l)(u=o[l])&&(c=t.call(u,u.__data__,l,o))&&("__data__"in u&&(c.__data__=u.__data__),s[l]=c);return new G(r,this._parents)}function Wi(t){return t==null?[]:Array.isArray(t)?t:Array.from(t)}function Yi(){return[]}function Bn(t){return t==null?Yi:function(){return this.querySelectorAll(t)}}function Ji(t){return function(){return Wi(t.apply(this,arguments))}}function Gi(t){typeof t=="function"?t=Ji(t):t=Bn(t);for(var n=this._groups,e=n.length,r=[],i=[],o=0;o<e;++o)for(var a=n[o],s=a.length,u,c=0;c<s;++c)(u=a[c])&&(r.push(t.call(u,u.__data__,c,a)),i.push(u));return new G(r,i)}function Pn(t){return function(){return this.matches(t)}}function He(t){return function(n){return n.matches(t)}}var Ui=Array.prototype.find;function Ki(t){return function(){return Ui.call(this.children,t)}}function Zi(){return this.firstElementChild}function Qi(t){return this.select(t==null?Zi:Ki(typeof t=="function"?t:He(t)))}var to=Array.prototype.filter;function no(){return Array.from(this.children)}function eo(t){return function(){return to.call(this.children,t)}}function ro(t){return this.selectAll(t==null?no:eo(typeof t=="function"?t:He(t)))}function io(t){typeof t!="function"&&(t=Pn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=[],u,c=0;c<a;++c)(u=o[c])&&t.call(u,u.__data__,c,o)&&s.push(u);return new G(r,this._parents)}function We(t){return new Array(t.length)}function oo(){return new G(this._enter||this._groups.map(We),this._parents)}function rn(t,n){this.ownerDocument=t.ownerDocument,this.namespaceURI=t.namespaceURI,this._next=null,this._parent=t,this.__data__=n}rn.prototype={constructor:rn,appendChild:function(t){return this._parent.insertBefore(t,this._next)},insertBefore:function(t,n){return this._parent.insertBefore(t,n)},querySelector:function(t){return this._parent.querySelector(t)},querySelectorAll:function(t){return this._parent.querySelectorAll(t)}};function so(t){return function(){return t}}function ao(t,n,e,r,i,o){for(var a=0,s,u=n.length,c=o.length;a<c;++a)(s=n[a])?(s.__data__=o[a],r[a]=s):e[a]=new rn(t,o[a]);for(;a<u;++a)(s=n[a])&&(i[a]=s)}function uo(t,n,e,r,i,o,a){var s,u,c=new Map,l=n.length,f=o.length,h=new Array(l),d;for(s=0;s<l;++s)(u=n[s])&&(h[s]=d=a.call(u,u.__data__,s,n)+"",c.has(d)?i[s]=u:c.set(d,u));for(s=0;s<f;++s)d=a.call(t,o[s],s,o)+"",(u=c.get(d))?(r[s]=u,u.__data__=o[s],c.delete(d)):e[s]=new rn(t,o[s]);for(s=0;s<l;++s)(u=n[s])&&c.get(h[s])===u&&(i[s]=u)}function lo(t){return t.__data__}function co(t,n){if(!arguments.length)return Array.from(this,lo);var e=n?uo:ao,r=this._parents,i=this._groups;typeof t!="function"&&(t=so(t));for(var o=i.length,a=new Array(o),s=new Array(o),u=new Array(o),c=0;c<o;++c){var l=r[c],f=i[c],h=f.length,d=fo(t.call(l,l&&l.__data__,c,r)),v=d.length,m=s[c]=new Array(v),w=a[c]=new Array(v),p=u[c]=new Array(h);e(l,f,m,w,p,d,n);for(var b=0,M=0,g,N;b<v;++b)if(g=m[b]){for(b>=M&&(M=b+1);!(N=w[M])&&++M<v;);g._next=N||null}}return a=new G(a,r),a._enter=s,a._exit=u,a}function fo(t){return typeof t=="object"&&"length"in t?t:Array.from(t)}function ho(){return new G(this._exit||this._groups.map(We),this._parents)}function po(t,n,e){var r=this.enter(),i=this,o=this.exit();return typeof t=="function"?(r=t(r),r&&(r=r.selection())):r=r.append(t+""),n!=null&&(i=n(i),i&&(i=i.selection())),e==null?o.remove():e(o),r&&i?r.merge(i).order():i}function go(t){for(var n=t.selection?t.selection():t,e=this._groups,r=n._groups,i=e.length,o=r.length,a=Math.min(i,o),s=new Array(i),u=0;u<a;++u)for(var c=e[u],l=r[u],f=c.length,h=s[u]=new Array(f),d,v=0;v<f;++v)(d=c[v]||l[v])&&(h[v]=d);for(;u<i;++u)s[u]=e[u];return new G(s,this._parents)}function mo(){for(var t=this._groups,n=-1,e=t.length;++n<e;)for(var r=t[n],i=r.length-1,o=r[i],a;--i>=0;)(a=r[i])&&(o&&a.compareDocumentPosition(o)^4&&o.parentNode.insertBefore(a,o),o=a);return this}function yo(t){t||(t=wo);function n(f,h){return f&&h?t(f.__data__,h.__data__):!f-!h}for(var e=this._groups,r=e.length,i=new Array(r),o=0;o<r;++o){for(var a=e[o],s=a.length,u=i[o]=new Array(s),c,l=0;l<s;++l)(c=a[l])&&(u[l]=c);u.sort(n)}return new G(i,this._parents).order()}function wo(t,n){return t<n?-1:t>n?1:t>=n?0:NaN}function vo(){var t=arguments[0];return arguments[0]=this,t.apply(null,arguments),this}function xo(){return Array.from(this)}function _o(){for(var t=this._groups,n=0,e=t.length;n<e;++n)for(var r=t[n],i=0,o=r.length;i<o;++i){var a=r[i];if(a)return a}return null}function bo(){let t=0;for(let n of this)++t;return t}function Mo(){return!this.node()}function ko(t){for(var n=this._groups,e=0,r=n.length;e<r;++e)for(var i=n[e],o=0,a=i.length,s;o<a;++o)(s=i[o])&&t.call(s,s.__data__,o,i);return this}function No(t){return function(){this.removeAttribute(t)}}function $o(t){return function(){this.removeAttributeNS(t.space,t.local)}}function Ao(t,n){return function(){this.setAttribute(t,n)}}function Eo(t,n){return function(){this.setAttributeNS(t.space,t.local,n)}}function So(t,n){return function(){var e=n.apply(this,arguments);e==null?this.removeAttribute(t):this.setAttribute(t,e)}}function To(t,n){return function(){var e=n.apply(this,arguments);e==null?this.removeAttributeNS(t.space,t.local):this.setAttributeNS(t.space,t.local,e)}}function Co(t,n){var e=Bt(t);if(arguments.length<2){var r=this.node();return e.local?r.getAttributeNS(e.space,e.local):r.getAttribute(e)}return this.each((n==null?e.local?$o:No:typeof n=="function"?e.local?To:So:e.local?Eo:Ao)(e,n))}function Ye(t){return t.ownerDocument&&t.ownerDocument.defaultView||t.document&&t||t.defaultView}function Io(t){return function(){this.style.removeProperty(t)}}function zo(t,n,e){return function(){this.style.setProperty(t,n,e)}}function Oo(t,n,e){return function(){var r=n.apply(this,arguments);r==null?this.style.removeProperty(t):this.style.setProperty(t,r,e)}}function Lo(t,n,e){return arguments.length>1?this.each((n==null?Io:typeof n=="function"?Oo:zo)(t,n,e??"")):xt(this.node(),t)}function xt(t,n){return t.style.getPropertyValue(n)||Ye(t).getComputedStyle(t,null).getPropertyValue(n)}function Ro(t){return function(){delete this[t]}}function Fo(t,n){return function(){this[t]=n}}function Do(t,n){return function(){var e=n.apply(this,arguments);e==null?delete this[t]:this[t]=e}}function Bo(t,n){return arguments.length>1?this.each((n==null?Ro:typeof n=="function"?Do:Fo)(t,n)):this.node()[t]}function Je(t){return t.trim().split(/^|\s+/)}function qn(t){return t.classList||new Ge(t)}function Ge(t){this._node=t,this._names=Je(t.getAttribute("class")||"")}Ge.prototype={add:function(t){var n=this._names.indexOf(t);n<0&&(this._names.push(t),this._node.setAttribute("class",this._names.join(" ")))},remove:function(t){var n=this._names.indexOf(t);n>=0&&(this._names.splice(n,1),this._node.setAttribute("class",this._names.join(" ")))},contains:function(t){return this._names.indexOf(t)>=0}};function Ue(t,n){for(var e=qn(t),r=-1,i=n.length;++r<i;)e.add(n[r])}function Ke(t,n){for(var e=qn(t),r=-1,i=n.length;++r<i;)e.remove(n[r])}function Po(t){return function(){Ue(this,t)}}function qo(t){return function(){Ke(this,t)}}function jo(t,n){return function(){(n.apply(this,arguments)?Ue:Ke)(this,t)}}function Xo(t,n){var e=Je(t+"");if(arguments.length<2){for(var r=qn(this.node()),i=-1,o=e.length;++i<o;)if(!r.contains(e[i]))return!1;return!0}return this.each((typeof n=="function"?jo:n?Po:qo)(e,n))}function Vo(){this.textContent=""}function Ho(t){return function(){this.textContent=t}}function Wo(t){return function(){var n=t.apply(this,arguments);this.textContent=n??""}}function Yo(t){return arguments.length?this.each(t==null?Vo:(typeof t=="function"?Wo:Ho)(t)):this.node().textContent}function Jo(){this.innerHTML=""}function Go(t){return function(){this.innerHTML=t}}function Uo(t){return function(){var n=t.apply(this,arguments);this.innerHTML=n??""}}function Ko(t){return arguments.length?this.each(t==null?Jo:(typeof t=="function"?Uo:Go)(t)):this.node().innerHTML}function Zo(){this.nextSibling&&this.parentNode.appendChild(this)}function Qo(){return this.each(Zo)}function ts(){this.previousSibling&&this.parentNode.insertBefore(this,this.parentNode.firstChild)}function ns(){return this.each(ts)}function es(t){var n=typeof t=="function"?t:Ve(t);return this.select(function(){return this.appendChild(n.apply(this,arguments))})}function rs(){return null}function is(t,n){var e=typeof t=="function"?t:Ve(t),r=n==null?rs:typeof n=="function"?n:on(n);return this.select(function(){return this.insertBefore(e.apply(this,arguments),r.apply(this,arguments)||null)})}function os(){var t=this.parentNode;t&&t.removeChild(this)}function ss(){return this.each(os)}function as(){var t=this.cloneNode(!1),n=this.parentNode;return n?n.insertBefore(t,this.nextSibling):t}function us(){var t=this.cloneNode(!0),n=this.parentNode;return n?n.insertBefore(t,this.nextSibling):t}function ls(t){return this.select(t?us:as)}function cs(t){return arguments.length?this.property("__data__",t):this.node().__data__}function fs(t){return function(n){t.call(this,n,this.__data__)}}function hs(t){return t.trim().split(/^|\s+/).map(function(n){var e="",r=n.indexOf(".");return r>=0&&(e=n.slice(r+1),n=n.slice(0,r)),{type:n,name:e}})}function ds(t){return function(){var n=this.__on;if(n){for(var e=0,r=-1,i=n.length,o;e<i;++e)o=n[e],(!t.type||o.type===t.type)&&o.name===t.name?this.removeEventListener(o.type,o.listener,o.options):n[++r]=o;++r?n.length=r:delete this.__on}}}function ps(t,n,e){return function(){var r=this.__on,i,o=fs(n);if(r){for(var a=0,s=r.length;a<s;++a)if((i=r[a]).type===t.type&&i.name===t.name){this.removeEventListener(i.type,i.listener,i.options),this.addEventListener(i.type,i.listener=o,i.options=e),i.value=n;return}}this.addEventListener(t.type,o,e),i={type:t.type,name:t.name,value:n,listener:o,options:e},r?r.push(i):this.__on=[i]}}function gs(t,n,e){var r=hs(t+""),i,o=r.length,a;if(arguments.length<2){var s=this.node().__on;if(s){for(var u=0,c=s.length,l;u<c;++u)for(i=0,l=s[u];i<o;++i)if((a=r[i]).type===l.type&&a.name===l.name)return l.value}return}for(s=n?ps:ds,i=0;i<o;++i)this.each(s(r[i],n,e));return this}function Ze(t,n,e){var r=Ye(t),i=r.CustomEvent;typeof i=="function"?i=new i(n,e):(i=r.document.createEvent("Event"),e?(i.initEvent(n,e.bubbles,e.cancelable),i.detail=e.detail):i.initEvent(n,!1,!1)),t.dispatchEvent(i)}function ms(t,n){return function(){return Ze(this,t,n)}}function ys(t,n){return function(){return Ze(this,t,n.apply(this,arguments))}}function ws(t,n){return this.each((typeof n=="function"?ys:ms)(t,n))}function*vs(){for(var t=this._groups,n=0,e=t.length;n<e;++n)for(var r=t[n],i=0,o=r.length,a;i<o;++i)(a=r[i])&&(yield a)}var Qe=[null];function G(t,n){this._groups=t,this._parents=n}function _t(){return new G([[document.documentElement]],Qe)}function xs(){return this}G.prototype=_t.prototype={constructor:G,select:Hi,selectAll:Gi,selectChild:Qi,selectChildren:ro,filter:io,data:co,enter:oo,exit:ho,join:po,merge:go,selection:xs,order:mo,sort:yo,call:vo,nodes:xo,node:_o,size:bo,empty:Mo,each:ko,attr:Co,style:Lo,property:Bo,classed:Xo,text:Yo,html:Ko,raise:Qo,lower:ns,append:es,insert:is,remove:ss,clone:ls,datum:cs,on:gs,dispatch:ws,[Symbol.iterator]:vs};function U(t){return typeof t=="string"?new G([[document.querySelector(t)]],[document.documentElement]):new G([[t]],Qe)}var _s=0;function bs(){return new Dn}function Dn(){this._="@"+(++_s).toString(36)}Dn.prototype=bs.prototype={constructor:Dn,get:function(t){for(var n=this._;!(n in t);)if(!(t=t.parentNode))return;return t[n]},set:function(t,n){return t[this._]=n},remove:function(t){return this._ in t&&delete t[this._]},toString:function(){return this._}};function Ms(t){let n;for(;n=t.sourceEvent;)t=n;return t}function ut(t,n){if(t=Ms(t),n===void 0&&(n=t.currentTarget),n){var e=n.ownerSVGElement||n;if(e.createSVGPoint){var r=e.createSVGPoint();return r.x=t.clientX,r.y=t.clientY,r=r.matrixTransform(n.getScreenCTM().inverse()),[r.x,r.y]}if(n.getBoundingClientRect){var i=n.getBoundingClientRect();return[t.clientX-i.left-n.clientLeft,t.clientY-i.top-n.clientTop]}}return[t.pageX,t.pageY]}var jn={capture:!0,passive:!1};function Xn(t){t.preventDefault(),t.stopImmediatePropagation()}function tr(t){var n=t.document.documentElement,e=U(t).on("dragstart.drag",Xn,jn);"onselectstart"in n?e.on("selectstart.drag",Xn,jn):(n.__noselect=n.style.MozUserSelect,n.style.MozUserSelect="none")}function nr(t,n){var e=t.document.documentElement,r=U(t).on("dragstart.drag",null);n&&(r.on("click.drag",Xn,jn),setTimeout(function(){r.on("click.drag",null)},0)),"onselectstart"in e?r.on("selectstart.drag",null):(e.style.MozUserSelect=e.__noselect,delete e.__noselect)}function ks(t,{sourceEvent:n,subject:e,target:r,identifier:i,active:o,x:a,y:s,dx:u,dy:c,dispatch:l}){Object.defineProperties(this,{type:{value:t,enumerable:!0,configurable:!0},sourceEvent:{value:n,enumerable:!0,configurable:!0},subject:{value:e,enumerable:!0,configurable:!0},target:{value:r,enumerable:!0,configurable:!0},identifier:{value:i,enumerable:!0,configurable:!0},active:{value:o,enumerable:!0,configurable:!0},x:{value:a,enumerable:!0,configurable:!0},y:{value:s,enumerable:!0,configurable:!0},dx:{value:u,enumerable:!0,configurable:!0},dy:{value:c,enumerable:!0,configurable:!0},_:{value:l}})}ks.prototype.on=function(){var t=this._.on.apply(this._,arguments);return t===this._?this:t};function It(t,n,e){t.prototype=n.prototype=e,e.constructor=t}function jt(t,n){var e=Object.create(t.prototype);for(var r in n)e[r]=n[r];return e}function gt(){}var Nt=.7,Ct=1/Nt,St="\\s*([+-]?\\d+)\\s*",Pt="\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)\\s*",rt="\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)%\\s*",Ns=/^#([0-9a-f]{3,8})$/,$s=new RegExp(`^rgb\\(${St},${St},${St}\\)$`),As=new RegExp(`^rgb\\(${rt},${rt},${rt}\\)$`),Es=new RegExp(`^rgba\\(${St},${St},${St},${Pt}\\)$`),Ss=new RegExp(`^rgba\\(${rt},${rt},${rt},${Pt}\\)$`),Ts=new RegExp(`^hsl\\(${Pt},${rt},${rt}\\)$`),Cs=new RegExp(`^hsla\\(${Pt},${rt},${rt},${Pt}\\)$`),er={aliceblue:15792383,antiquewhite:16444375,aqua:65535,aquamarine:8388564,azure:15794175,beige:16119260,bisque:16770244,black:0,blanchedalmond:16772045,blue:255,blueviolet:9055202,brown:10824234,burlywood:14596231,cadetblue:6266528,chartreuse:8388352,chocolate:13789470,coral:16744272,cornflowerblue:6591981,cornsilk:16775388,crimson:14423100,cyan:65535,darkblue:139,darkcyan:35723,darkgoldenrod:12092939,darkgray:11119017,darkgreen:25600,darkgrey:11119017,darkkhaki:12433259,darkmagenta:9109643,darkolivegreen:5597999,darkorange:16747520,darkorchid:10040012,darkred:9109504,darksalmon:15308410,darkseagreen:9419919,darkslateblue:4734347,darkslategray:3100495,darkslategrey:3100495,darkturquoise:52945,darkviolet:9699539,deeppink:16716947,deepskyblue:49151,dimgray:6908265,dimgrey:6908265,dodgerblue:2003199,firebrick:11674146,floralwhite:16775920,forestgreen:2263842,fuchsia:16711935,gainsboro:14474460,ghostwhite:16316671,gold:16766720,goldenrod:14329120,gray:8421504,green:32768,greenyellow:11403055,grey:8421504,honeydew:15794160,hotpink:16738740,indianred:13458524,indigo:4915330,ivory:16777200,khaki:15787660,lavender:15132410,lavenderblush:16773365,lawngreen:8190976,lemonchiffon:16775885,lightblue:11393254,lightcoral:15761536,lightcyan:14745599,lightgoldenrodyellow:16448210,lightgray:13882323,lightgreen:9498256,lightgrey:13882323,lightpink:16758465,lightsalmon:16752762,lightseagreen:2142890,lightskyblue:8900346,lightslategray:7833753,lightslategrey:7833753,lightsteelblue:11584734,lightyellow:16777184,lime:65280,limegreen:3329330,linen:16445670,magenta:16711935,maroon:8388608,mediumaquamarine:6737322,mediumblue:205,mediumorchid:12211667,mediumpurple:9662683,mediumseagreen:3978097,mediumslateblue:8087790,mediumspringgreen:64154,mediumturquoise:4772300,mediumvioletred:13047173,midnightblue:1644912,mintcream:16121850,mistyrose:16770273,moccasin:16770229,navajowhite:16768685,navy:128,oldlace:16643558,olive:8421376,olivedrab:7048739,orange:16753920,orangered:16729344,orchid:14315734,palegoldenrod:15657130,palegreen:10025880,paleturquoise:11529966,palevioletred:14381203,papayawhip:16773077,peachpuff:16767673,peru:13468991,pink:16761035,plum:14524637,powderblue:11591910,purple:8388736,rebeccapurple:6697881,red:16711680,rosybrown:12357519,royalblue:4286945,saddlebrown:9127187,salmon:16416882,sandybrown:16032864,seagreen:3050327,seashell:16774638,sienna:10506797,silver:12632256,skyblue:8900331,slateblue:6970061,slategray:7372944,slategrey:7372944,snow:16775930,springgreen:65407,steelblue:4620980,tan:13808780,teal:32896,thistle:14204888,tomato:16737095,turquoise:4251856,violet:15631086,wheat:16113331,white:16777215,whitesmoke:16119285,yellow:16776960,yellowgreen:10145074};It(gt,$t,{copy(t){return Object.assign(new this.constructor,this,t)},displayable(){return this.rgb().displayable()},hex:rr,formatHex:rr,formatHex8:Is,formatHsl:zs,formatRgb:ir,toString:ir});function rr(){return this.rgb().formatHex()}function Is(){return this.rgb().formatHex8()}function zs(){return dr(this).formatHsl()}function ir(){return this.rgb().formatRgb()}function $t(t){var n,e;return t=(t+"").trim().toLowerCase(),(n=Ns.exec(t))?(e=n[1].length,n=parseInt(n[1],16),e===6?or(n):e===3?new q(n>>8&15|n>>4&240,n>>4&15|n&240,(n&15)<<4|n&15,1):e===8?sn(n>>24&255,n>>16&255,n>>8&255,(n&255)/255):e===4?sn(n>>12&15|n>>8&240,n>>8&15|n>>4&240,n>>4&15|n&240,((n&15)<<4|n&15)/255):null):(n=$s.exec(t))?new q(n[1],n[2],n[3],1):(n=As.exec(t))?new q(n[1]*255/100,n[2]*255/100,n[3]*255/100,1):(n=Es.exec(t))?sn(n[1],n[2],n[3],n[4]):(n=Ss.exec(t))?sn(n[1]*255/100,n[2]*255/100,n[3]*255/100,n[4]):(n=Ts.exec(t))?ur(n[1],n[2]/100,n[3]/100,1):(n=Cs.exec(t))?ur(n[1],n[2]/100,n[3]/100,n[4]):er.hasOwnProperty(t)?or(er[t]):t==="transparent"?new q(NaN,NaN,NaN,0):null}function or(t){return new q(t>>16&255,t>>8&255,t&255,1)}function sn(t,n,e,r){return r<=0&&(t=n=e=NaN),new q(t,n,e,r)}function Gn(t){return t instanceof gt||(t=$t(t)),t?(t=t.rgb(),new q(t.r,t.g,t.b,t.opacity)):new q}function Xt(t,n,e,r){return arguments.length===1?Gn(t):new q(t,n,e,r??1)}function q(t,n,e,r){this.r=+t,this.g=+n,this.b=+e,this.opacity=+r}It(q,Xt,jt(gt,{brighter(t){return t=t==null?Ct:Math.pow(Ct,t),new q(this.r*t,this.g*t,this.b*t,this.opacity)},darker(t){return t=t==null?Nt:Math.pow(Nt,t),new q(this.r*t,this.g*t,this.b*t,this.opacity)},rgb(){return this},clamp(){return new q(Mt(this.r),Mt(this.g),Mt(this.b),un(this.opacity))},displayable(){return-.5<=this.r&&this.r<255.5&&-.5<=this.g&&this.g<255.5&&-.5<=this.b&&this.b<255.5&&0<=this.opacity&&this.opacity<=1},hex:sr,formatHex:sr,formatHex8:Os,formatRgb:ar,toString:ar}));function sr(){return`#${bt(this.r)}${bt(this.g)}${bt(this.b)}`}function Os(){return`#${bt(this.r)}${bt(this.g)}${bt(this.b)}${bt((isNaN(this.opacity)?1:this.opacity)*255)}`}function ar(){let t=un(this.opacity);return`${t===1?"rgb(":"rgba("}${Mt(this.r)}, ${Mt(this.g)}, ${Mt(this.b)}${t===1?")":`, ${t})`}`}function un(t){return isNaN(t)?1:Math.max(0,Math.min(1,t))}function Mt(t){return Math.max(0,Math.min(255,Math.round(t)||0))}function bt(t){return t=Mt(t),(t<16?"0":"")+t.toString(16)}function ur(t,n,e,r){return r<=0?t=n=e=NaN:e<=0||e>=1?t=n=NaN:n<=0&&(t=NaN),new tt(t,n,e,r)}function dr(t){if(t instanceof tt)return new tt(t.h,t.s,t.l,t.opacity);if(t instanceof gt||(t=$t(t)),!t)return new tt;if(t instanceof tt)return t;t=t.rgb();var n=t.r/255,e=t.g/255,r=t.b/255,i=Math.min(n,e,r),o=Math.max(n,e,r),a=NaN,s=o-i,u=(o+i)/2;return s?(n===o?a=(e-r)/s+(e<r)*6:e===o?a=(r-n)/s+2:a=(n-e)/s+4,s/=u<.5?o+i:2-o-i,a*=60):s=u>0&&u<1?0:a,new tt(a,s,u,t.opacity)}function cn(t,n,e,r){return arguments.length===1?dr(t):new tt(t,n,e,r??1)}function tt(t,n,e,r){this.h=+t,this.s=+n,this.l=+e,this.opacity=+r}It(tt,cn,jt(gt,{brighter(t){return t=t==null?Ct:Math.pow(Ct,t),new tt(this.h,this.s,this.l*t,this.opacity)},darker(t){return t=t==null?Nt:Math.pow(Nt,t),new tt(this.h,this.s,this.l*t,this.opacity)},rgb(){var t=this.h%360+(this.h<0)*360,n=isNaN(t)||isNaN(this.s)?0:this.s,e=this.l,r=e+(e<.5?e:1-e)*n,i=2*e-r;return new q(Vn(t>=240?t-240:t+120,i,r),Vn(t,i,r),Vn(t<120?t+240:t-120,i,r),this.opacity)},clamp(){return new tt(lr(this.h),an(this.s),an(this.l),un(this.opacity))},displayable(){return(0<=this.s&&this.s<=1||isNaN(this.s))&&0<=this.l&&this.l<=1&&0<=this.opacity&&this.opacity<=1},formatHsl(){let t=un(this.opacity);return`${t===1?"hsl(":"hsla("}${lr(this.h)}, ${an(this.s)*100}%, ${an(this.l)*100}%${t===1?")":`, ${t})`}`}}));function lr(t){return t=(t||0)%360,t<0?t+360:t}function an(t){return Math.max(0,Math.min(1,t||0))}function Vn(t,n,e){return(t<60?n+(e-n)*t/60:t<180?e:t<240?n+(e-n)*(240-t)/60:n)*255}var pr=Math.PI/180,gr=180/Math.PI,ln=18,mr=.96422,yr=1,wr=.82521,vr=4/29,Tt=6/29,xr=3*Tt*Tt,Ls=Tt*Tt*Tt;function _r(t){if(t instanceof it)return new it(t.l,t.a,t.b,t.opacity);if(t instanceof lt)return Mr(t);t instanceof q||(t=Gn(t));var n=Jn(t.r),e=Jn(t.g),r=Jn(t.b),i=Hn((.2225045*n+.7168786*e+.0606169*r)/yr),o,a;return n===e&&e===r?o=a=i:(o=Hn((.4360747*n+.3850649*e+.1430804*r)/mr),a=Hn((.0139322*n+.0971045*e+.7141733*r)/wr)),new it(116*i-16,500*(o-i),200*(i-a),t.opacity)}function br(t,n,e,r){return arguments.length===1?_r(t):new it(t,n,e,r??1)}function it(t,n,e,r){this.l=+t,this.a=+n,this.b=+e,this.opacity=+r}It(it,br,jt(gt,{brighter(t){return new it(this.l+ln*(t??1),this.a,this.b,this.opacity)},darker(t){return new it(this.l-ln*(t??1),this.a,this.b,this.opacity)},rgb(){var t=(this.l+16)/116,n=isNaN(this.a)?t:t+this.a/500,e=isNaN(this.b)?t:t-this.b/200;return n=mr*Wn(n),t=yr*Wn(t),e=wr*Wn(e),new q(Yn(3.1338561*n-1.6168667*t-.4906146*e),Yn(-.9787684*n+1.9161415*t+.033454*e),Yn(.0719453*n-.2289914*t+1.4052427*e),this.opacity)}}));function Hn(t){return t>Ls?Math.pow(t,1/3):t/xr+vr}function Wn(t){return t>Tt?t*t*t:xr*(t-vr)}function Yn(t){return 255*(t<=.0031308?12.92*t:1.055*Math.pow(t,1/2.4)-.055)}function Jn(t){return(t/=255)<=.04045?t/12.92:Math.pow((t+.055)/1.055,2.4)}function Rs(t){if(t instanceof lt)return new lt(t.h,t.c,t.l,t.opacity);if(t instanceof it||(t=_r(t)),t.a===0&&t.b===0)return new lt(NaN,0<t.l&&t.l<100?0:NaN,t.l,t.opacity);var n=Math.atan2(t.b,t.a)*gr;return new lt(n<0?n+360:n,Math.sqrt(t.a*t.a+t.b*t.b),t.l,t.opacity)}function fn(t,n,e,r){return arguments.length===1?Rs(t):new lt(t,n,e,r??1)}function lt(t,n,e,r){this.h=+t,this.c=+n,this.l=+e,this.opacity=+r}function Mr(t){if(isNaN(t.h))return new it(t.l,0,0,t.opacity);var n=t.h*pr;return new it(t.l,Math.cos(n)*t.c,Math.sin(n)*t.c,t.opacity)}It(lt,fn,jt(gt,{brighter(t){return new lt(this.h,this.c,this.l+ln*(t??1),this.opacity)},darker(t){return new lt(this.h,this.c,this.l-ln*(t??1),this.opacity)},rgb(){return Mr(this).rgb()}}));var kr=-.14861,Un=1.78277,Kn=-.29227,hn=-.90649,qt=1.97294,cr=qt*hn,fr=qt*Un,hr=Un*Kn-hn*kr;function Fs(t){if(t instanceof kt)return new kt(t.h,t.s,t.l,t.opacity);t instanceof q||(t=Gn(t));var n=t.r/255,e=t.g/255,r=t.b/255,i=(hr*r+cr*n-fr*e)/(hr+cr-fr),o=r-i,a=(qt*(e-i)-Kn*o)/hn,s=Math.sqrt(a*a+o*o)/(qt*i*(1-i)),u=s?Math.atan2(a,o)*gr-120:NaN;return new kt(u<0?u+360:u,s,i,t.opacity)}function dn(t,n,e,r){return arguments.length===1?Fs(t):new kt(t,n,e,r??1)}function kt(t,n,e,r){this.h=+t,this.s=+n,this.l=+e,this.opacity=+r}It(kt,dn,jt(gt,{brighter(t){return t=t==null?Ct:Math.pow(Ct,t),new kt(this.h,this.s,this.l*t,this.opacity)},darker(t){return t=t==null?Nt:Math.pow(Nt,t),new kt(this.h,this.s,this.l*t,this.opacity)},rgb(){var t=isNaN(this.h)?0:(this.h+120)*pr,n=+this.l,e=isNaN(this.s)?0:this.s*n*(1-n),r=Math.cos(t),i=Math.sin(t);return new q(255*(n+e*(kr*r+Un*i)),255*(n+e*(Kn*r+hn*i)),255*(n+e*(qt*r)),this.opacity)}}));function Ar(t,n,e,r,i){var o=t*t,a=o*t;return((1-3*t+3*o-a)*n+(4-6*o+3*a)*e+(1+3*t+3*o-3*a)*r+a*i)/6}function Ds(t){var n=t.length-1;return function(e){var r=e<=0?e=0:e>=1?(e=1,n-1):Math.floor(e*n),i=t[r],o=t[r+1],a=r>0?t[r-1]:2*i-o,s=r<n-1?t[r+2]:2*o-i;return Ar((e-r/n)*n,a,i,o,s)}}function Bs(t){var n=t.length;return function(e){var r=Math.floor(((e%=1)<0?++e:e)*n),i=t[(r+n-1)%n],o=t[r%n],a=t[(r+1)%n],s=t[(r+2)%n];return Ar((e-r/n)*n,i,o,a,s)}}var ne=t=>()=>t;function Er(t,n){return function(e){return t+e*n}}function Ps(t,n,e){return t=Math.pow(t,e),n=Math.pow(n,e)-t,e=1/e,function(r){return Math.pow(t+r*n,e)}}function ee(t,n){var e=n-t;return e?Er(t,e>180||e<-180?e-360*Math.round(e/360):e):ne(isNaN(t)?n:t)}function qs(t){return(t=+t)==1?J:function(n,e){return e-n?Ps(n,e,t):ne(isNaN(n)?e:n)}}function J(t,n){var e=n-t;return e?Er(t,e):ne(isNaN(t)?n:t)}var re=(function t(n){var e=qs(n);function r(i,o){var a=e((i=Xt(i)).r,(o=Xt(o)).r),s=e(i.g,o.g),u=e(i.b,o.b),c=J(i.opacity,o.opacity);return function(l){return i.r=a(l),i.g=s(l),i.b=u(l),i.opacity=c(l),i+""}}return r.gamma=t,r})(1);function Sr(t){return function(n){var e=n.length,r=new Array(e),i=new Array(e),o=new Array(e),a,s;for(a=0;a<e;++a)s=Xt(n[a]),r[a]=s.r||0,i[a]=s.g||0,o[a]=s.b||0;return r=t(r),i=t(i),o=t(o),s.opacity=1,function(u){return s.r=r(u),s.g=i(u),s.b=o(u),s+""}}}var Yu=Sr(Ds),Ju=Sr(Bs);function ct(t,n){return t=+t,n=+n,function(e){return t*(1-e)+n*e}}var Qn=/[-+]?(?:\d+\.?\d*|\.?\d+)(?:[eE][-+]?\d+)?/g,Zn=new RegExp(Qn.source,"g");function js(t){return function(){return t}}function Xs(t){return function(n){return t(n)+""}}function Tr(t,n){var e=Qn.lastIndex=Zn.lastIndex=0,r,i,o,a=-1,s=[],u=[];for(t=t+"",n=n+"";(r=Qn.exec(t))&&(i=Zn.exec(n));)(o=i.index)>e&&(o=n.slice(e,o),s[a]?s[a]+=o:s[++a]=o),(r=r[0])===(i=i[0])?s[a]?s[a]+=i:s[++a]=i:(s[++a]=null,u.push({i:a,x:ct(r,i)})),e=Zn.lastIndex;return e<n.length&&(o=n.slice(e),s[a]?s[a]+=o:s[++a]=o),s.length<2?u[0]?Xs(u[0].x):js(n):(n=u.length,function(c){for(var l=0,f;l<n;++l)s[(f=u[l]).i]=f.x(c);return s.join("")})}var Nr=180/Math.PI,te={translateX:0,translateY:0,rotate:0,skewX:0,scaleX:1,scaleY:1};function Cr(t,n,e,r,i,o){var a,s,u;return(a=Math.sqrt(t*t+n*n))&&(t/=a,n/=a),(u=t*e+n*r)&&(e-=t*u,r-=n*u),(s=Math.sqrt(e*e+r*r))&&(e/=s,r/=s,u/=s),t*r<n*e&&(t=-t,n=-n,u=-u,a=-a),{translateX:i,translateY:o,rotate:Math.atan2(n,t)*Nr,skewX:Math.atan(u)*Nr,scaleX:a,scaleY:s}}var pn;function Vs(t){let n=new(typeof DOMMatrix=="function"?DOMMatrix:WebKitCSSMatrix)(t+"");return n.isIdentity?te:Cr(n.a,n.b,n.c,n.d,n.e,n.f)}function Hs(t){return t==null||(pn||(pn=document.createElementNS("http://www.w3.org/2000/svg","g")),pn.setAttribute("transform",t),!(t=pn.transform.baseVal.consolidate()))?te:(t=t.matrix,Cr(t.a,t.b,t.c,t.d,t.e,t.f))}function Ir(t,n,e,r){function i(c){return c.length?c.pop()+" ":""}function o(c,l,f,h,d,v){if(c!==f||l!==h){var m=d.push("translate(",null,n,null,e);v.push({i:m-4,x:ct(c,f)},{i:m-2,x:ct(l,h)})}else(f||h)&&d.push("translate("+f+n+h+e)}function a(c,l,f,h){c!==l?(c-l>180?l+=360:l-c>180&&(c+=360),h.push({i:f.push(i(f)+"rotate(",null,r)-2,x:ct(c,l)})):l&&f.push(i(f)+"rotate("+l+r)}function s(c,l,f,h){c!==l?h.push({i:f.push(i(f)+"skewX(",null,r)-2,x:ct(c,l)}):l&&f.push(i(f)+"skewX("+l+r)}function u(c,l,f,h,d,v){if(c!==f||l!==h){var m=d.push(i(d)+"scale(",null,",",null,")");v.push({i:m-4,x:ct(c,f)},{i:m-2,x:ct(l,h)})}else(f!==1||h!==1)&&d.push(i(d)+"scale("+f+","+h+")")}return function(c,l){var f=[],h=[];return c=t(c),l=t(l),o(c.translateX,c.translateY,l.translateX,l.translateY,f,h),a(c.rotate,l.rotate,f,h),s(c.skewX,l.skewX,f,h),u(c.scaleX,c.scaleY,l.scaleX,l.scaleY,f,h),c=l=null,function(d){for(var v=-1,m=h.length,w;++v<m;)f[(w=h[v]).i]=w.x(d);return f.join("")}}}var zr=Ir(Vs,"px, ","px)","deg)"),Or=Ir(Hs,", ",")",")"),Ws=1e-12;function $r(t){return((t=Math.exp(t))+1/t)/2}function Ys(t){return((t=Math.exp(t))-1/t)/2}function Js(t){return((t=Math.exp(2*t))-1)/(t+1)}var Lr=(function t(n,e,r){function i(o,a){var s=o[0],u=o[1],c=o[2],l=a[0],f=a[1],h=a[2],d=l-s,v=f-u,m=d*d+v*v,w,p;if(m<Ws)p=Math.log(h/c)/n,w=function(k){return[s+k*d,u+k*v,c*Math.exp(n*k*p)]};else{var b=Math.sqrt(m),M=(h*h-c*c+r*m)/(2*c*e*b),g=(h*h-c*c-r*m)/(2*h*e*b),N=Math.log(Math.sqrt(M*M+1)-M),x=Math.log(Math.sqrt(g*g+1)-g);p=(x-N)/n,w=function(k){var O=k*p,R=$r(N),z=c/(e*b)*(R*Js(n*O+N)-Ys(N));return[s+z*d,u+z*v,c*R/$r(n*O+N)]}}return w.duration=Math.abs(p)*1e3*n/Math.SQRT2,w}return i.rho=function(o){var a=Math.max(.001,+o),s=a*a,u=s*s;return t(a,s,u)},i})(Math.SQRT2,2,4);function Rr(t){return function(n,e){var r=t((n=cn(n)).h,(e=cn(e)).h),i=J(n.s,e.s),o=J(n.l,e.l),a=J(n.opacity,e.opacity);return function(s){return n.h=r(s),n.s=i(s),n.l=o(s),n.opacity=a(s),n+""}}}var Gu=Rr(ee),Uu=Rr(J);function Fr(t){return function(n,e){var r=t((n=fn(n)).h,(e=fn(e)).h),i=J(n.c,e.c),o=J(n.l,e.l),a=J(n.opacity,e.opacity);return function(s){return n.h=r(s),n.c=i(s),n.l=o(s),n.opacity=a(s),n+""}}}var Ku=Fr(ee),Zu=Fr(J);function Dr(t){return(function n(e){e=+e;function r(i,o){var a=t((i=dn(i)).h,(o=dn(o)).h),s=J(i.s,o.s),u=J(i.l,o.l),c=J(i.opacity,o.opacity);return function(l){return i.h=a(l),i.s=s(l),i.l=u(Math.pow(l,e)),i.opacity=c(l),i+""}}return r.gamma=n,r})(1)}var Qu=Dr(ee),tl=Dr(J);function Pr(t){return((t*=2)<=1?t*t*t:(t-=2)*t*t+2)/2}var ie=3,el=(function t(n){n=+n;function e(r){return Math.pow(r,n)}return e.exponent=t,e})(ie),rl=(function t(n){n=+n;function e(r){return 1-Math.pow(1-r,n)}return e.exponent=t,e})(ie),il=(function t(n){n=+n;function e(r){return((r*=2)<=1?Math.pow(r,n):2-Math.pow(2-r,n))/2}return e.exponent=t,e})(ie),Gs=Math.PI,ol=Gs/2;function gn(t){return(Math.pow(2,-10*t)-.0009765625)*1.0009775171065494}var Br=4/11,sl=6/11,al=8/11,ul=3/4,ll=9/11,cl=10/11,fl=15/16,hl=21/22,dl=63/64,pl=1/Br/Br;var oe=1.70158,gl=(function t(n){n=+n;function e(r){return(r=+r)*r*(n*(r-1)+r)}return e.overshoot=t,e})(oe),ml=(function t(n){n=+n;function e(r){return--r*r*((r+1)*n+r)+1}return e.overshoot=t,e})(oe),yl=(function t(n){n=+n;function e(r){return((r*=2)<1?r*r*((n+1)*r-n):(r-=2)*r*((n+1)*r+n)+2)/2}return e.overshoot=t,e})(oe),zt=2*Math.PI,se=1,ae=.3,wl=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=zt);function i(o){return n*gn(- --o)*Math.sin((r-o)/e)}return i.amplitude=function(o){return t(o,e*zt)},i.period=function(o){return t(n,o)},i})(se,ae),vl=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=zt);function i(o){return 1-n*gn(o=+o)*Math.sin((o+r)/e)}return i.amplitude=function(o){return t(o,e*zt)},i.period=function(o){return t(n,o)},i})(se,ae),xl=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=zt);function i(o){return((o=o*2-1)<0?n*gn(-o)*Math.sin((r-o)/e):2-n*gn(o)*Math.sin((r+o)/e))/2}return i.amplitude=function(o){return t(o,e*zt)},i.period=function(o){return t(n,o)},i})(se,ae);var Us=wt("start","end","cancel","interrupt"),Ks=[],Xr=0,qr=1,ue=2,mn=3,jr=4,le=5,yn=6;function wn(t,n,e,r,i,o){var a=t.__transition;if(!a)t.__transition={};else if(e in a)return;Zs(t,e,{name:n,index:r,group:i,on:Us,tween:Ks,time:o.time,delay:o.delay,duration:o.duration,ease:o.ease,timer:null,state:Xr})}function ce(t,n){var e=nt(t,n);if(e.state>Xr)throw new Error("too late; already scheduled");return e}function ot(t,n){var e=nt(t,n);if(e.state>mn)throw new Error("too late; already running");return e}function nt(t,n){var e=t.__transition;if(!e||!(e=e[n]))throw new Error("transition not found");return e}function Zs(t,n,e){var r=t.__transition,i;r[n]=e,e.timer=Dt(o,0,e.time);function o(c){e.state=qr,e.timer.restart(a,e.delay,e.time),e.delay<=c&&a(c-e.delay)}function a(c){var l,f,h,d;if(e.state!==qr)return u();for(l in r)if(d=r[l],d.name===e.name){if(d.state===mn)return Rn(a);d.state===jr?(d.state=yn,d.timer.stop(),d.on.call("interrupt",t,t.__data__,d.index,d.group),delete r[l]):+l<n&&(d.state=yn,d.timer.stop(),d.on.call("cancel",t,t.__data__,d.index,d.group),delete r[l])}if(Rn(function(){e.state===mn&&(e.state=jr,e.timer.restart(s,e.delay,e.time),s(c))}),e.state=ue,e.on.call("start",t,t.__data__,e.index,e.group),e.state===ue){for(e.state=mn,i=new Array(h=e.tween.length),l=0,f=-1;l<h;++l)(d=e.tween[l].value.call(t,t.__data__,e.index,e.group))&&(i[++f]=d);i.length=f+1}}function s(c){for(var l=c<e.duration?e.ease.call(null,c/e.duration):(e.timer.restart(u),e.state=le,1),f=-1,h=i.length;++f<h;)i[f].call(t,l);e.state===le&&(e.on.call("end",t,t.__data__,e.index,e.group),u())}function u(){e.state=yn,e.timer.stop(),delete r[n];for(var c in r)return;delete t.__transition}}function Vt(t,n){var e=t.__transition,r,i,o=!0,a;if(e){n=n==null?null:n+"";for(a in e){if((r=e[a]).name!==n){o=!1;continue}i=r.state>ue&&r.state<le,r.state=yn,r.timer.stop(),r.on.call(i?"interrupt":"cancel",t,t.__data__,r.index,r.group),delete e[a]}o&&delete t.__transition}}function Qs(t){return this.each(function(){Vt(this,t)})}function ta(t,n){var e,r;return function(){var i=ot(this,t),o=i.tween;if(o!==e){r=e=o;for(var a=0,s=r.length;a<s;++a)if(r[a].name===n){r=r.slice(),r.splice(a,1);break}}i.tween=r}}function na(t,n,e){var r,i;if(typeof e!="function")throw new Error;return function(){var o=ot(this,t),a=o.tween;if(a!==r){i=(r=a).slice();for(var s={name:n,value:e},u=0,c=i.length;u<c;++u)if(i[u].name===n){i[u]=s;break}u===c&&i.push(s)}o.tween=i}}function ea(t,n){var e=this._id;if(t+="",arguments.length<2){for(var r=nt(this.node(),e).tween,i=0,o=r.length,a;i<o;++i)if((a=r[i]).name===t)return a.value;return null}return this.each((n==null?ta:na)(e,t,n))}function fe(t,n,e){var r=t._id;return t.each(function(){var i=ot(this,r);(i.value||(i.value={}))[n]=e.apply(this,arguments)}),function(i){return nt(i,r).value[n]}}function Vr(t,n){var e;return(typeof n=="number"?ct:n instanceof $t?re:(e=$t(n))?(n=e,re):Tr)(t,n)}function ra(t){return function(){this.removeAttribute(t)}}function ia(t){return function(){this.removeAttributeNS(t.space,t.local)}}function oa(t,n,e){var r,i=e+"",o;return function(){var a=this.getAttribute(t);return a===i?null:a===r?o:o=n(r=a,e)}}function sa(t,n,e){var r,i=e+"",o;return function(){var a=this.getAttributeNS(t.space,t.local);return a===i?null:a===r?o:o=n(r=a,e)}}function aa(t,n,e){var r,i,o;return function(){var a,s=e(this),u;return s==null?void this.removeAttribute(t):(a=this.getAttribute(t),u=s+"",a===u?null:a===r&&u===i?o:(i=u,o=n(r=a,s)))}}function ua(t,n,e){var r,i,o;return function(){var a,s=e(this),u;return s==null?void this.removeAttributeNS(t.space,t.local):(a=this.getAttributeNS(t.space,t.local),u=s+"",a===u?null:a===r&&u===i?o:(i=u,o=n(r=a,s)))}}function la(t,n){var e=Bt(t),r=e==="transform"?Or:Vr;return this.attrTween(t,typeof n=="function"?(e.local?ua:aa)(e,r,fe(this,"attr."+t,n)):n==null?(e.local?ia:ra)(e):(e.local?sa:oa)(e,r,n))}function ca(t,n){return function(e){this.setAttribute(t,n.call(this,e))}}function fa(t,n){return function(e){this.setAttributeNS(t.space,t.local,n.call(this,e))}}function ha(t,n){var e,r;function i(){var o=n.apply(this,arguments);return o!==r&&(e=(r=o)&&fa(t,o)),e}return i._value=n,i}function da(t,n){var e,r;function i(){var o=n.apply(this,arguments);return o!==r&&(e=(r=o)&&ca(t,o)),e}return i._value=n,i}function pa(t,n){var e="attr."+t;if(arguments.length<2)return(e=this.tween(e))&&e._value;if(n==null)return this.tween(e,null);if(typeof n!="function")throw new Error;var r=Bt(t);return this.tween(e,(r.local?ha:da)(r,n))}function ga(t,n){return function(){ce(this,t).delay=+n.apply(this,arguments)}}function ma(t,n){return n=+n,function(){ce(this,t).delay=n}}function ya(t){var n=this._id;return arguments.length?this.each((typeof t=="function"?ga:ma)(n,t)):nt(this.node(),n).delay}function wa(t,n){return function(){ot(this,t).duration=+n.apply(this,arguments)}}function va(t,n){return n=+n,function(){ot(this,t).duration=n}}function xa(t){var n=this._id;return arguments.length?this.each((typeof t=="function"?wa:va)(n,t)):nt(this.node(),n).duration}function _a(t,n){if(typeof n!="function")throw new Error;return function(){ot(this,t).ease=n}}function ba(t){var n=this._id;return arguments.length?this.each(_a(n,t)):nt(this.node(),n).ease}function Ma(t,n){return function(){var e=n.apply(this,arguments);if(typeof e!="function")throw new Error;ot(this,t).ease=e}}function ka(t){if(typeof t!="function")throw new Error;return this.each(Ma(this._id,t))}function Na(t){typeof t!="function"&&(t=Pn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=[],u,c=0;c<a;++c)(u=o[c])&&t.call(u,u.__data__,c,o)&&s.push(u);return new ht(r,this._parents,this._name,this._id)}function $a(t){if(t._id!==this._id)throw new Error;for(var n=this._groups,e=t._groups,r=n.length,i=e.length,o=Math.min(r,i),a=new Array(r),s=0;s<o;++s)for(var u=n[s],c=e[s],l=u.length,f=a[s]=new Array(l),h,d=0;d<l;++d)(h=u[d]||c[d])&&(f[d]=h);for(;s<r;++s)a[s]=n[s];return new ht(a,this._parents,this._name,this._id)}function Aa(t){return(t+"").trim().split(/^|\s+/).every(function(n){var e=n.indexOf(".");return e>=0&&(n=n.slice(0,e)),!n||n==="start"})}function Ea(t,n,e){var r,i,o=Aa(n)?ce:ot;return function(){var a=o(this,t),s=a.on;s!==r&&(i=(r=s).copy()).on(n,e),a.on=i}}function Sa(t,n){var e=this._id;return arguments.length<2?nt(this.node(),e).on.on(t):this.each(Ea(e,t,n))}function Ta(t){return function(){var n=this.parentNode;for(var e in this.__transition)if(+e!==t)return;n&&n.removeChild(this)}}function Ca(){return this.on("end.remove",Ta(this._id))}function Ia(t){var n=this._name,e=this._id;typeof t!="function"&&(t=on(t));for(var r=this._groups,i=r.length,o=new Array(i),a=0;a<i;++a)for(var s=r[a],u=s.length,c=o[a]=new Array(u),l,f,h=0;h<u;++h)(l=s[h])&&(f=t.call(l,l.__data__,h,s))&&("__data__"in l&&(f.__data__=l.__data__),c[h]=f,wn(c[h],n,e,h,c,nt(l,e)));return new ht(o,this._parents,n,e)}function za(t){var n=this._name,e=this._id;typeof t!="function"&&(t=Bn(t));for(var r=this._groups,i=r.length,o=[],a=[],s=0;s<i;++s)for(var u=r[s],c=u.length,l,f=0;f<c;++f)if(l=u[f]){for(var h=t.call(l,l.__data__,f,u),d,v=nt(l,e),m=0,w=h.length;m<w;++m)(d=h[m])&&wn(d,n,e,m,h,v);o.push(h),a.push(l)}return new ht(o,a,n,e)}var Oa=_t.prototype.constructor;function La(){return new Oa(this._groups,this._parents)}function Ra(t,n){var e,r,i;return function(){var o=xt(this,t),a=(this.style.removeProperty(t),xt(this,t));return o===a?null:o===e&&a===r?i:i=n(e=o,r=a)}}function Hr(t){return function(){this.style.removeProperty(t)}}function Fa(t,n,e){var r,i=e+"",o;return function(){var a=xt(this,t);return a===i?null:a===r?o:o=n(r=a,e)}}function Da(t,n,e){var r,i,o;return function(){var a=xt(this,t),s=e(this),u=s+"";return s==null&&(u=s=(this.style.removeProperty(t),xt(this,t))),a===u?null:a===r&&u===i?o:(i=u,o=n(r=a,s))}}function Ba(t,n){var e,r,i,o="style."+n,a="end."+o,s;return function(){var u=ot(this,t),c=u.on,l=u.value[o]==null?s||(s=Hr(n)):void 0;(c!==e||i!==l)&&(r=(e=c).copy()).on(a,i=l),u.on=r}}function Pa(t,n,e){var r=(t+="")=="transform"?zr:Vr;return n==null?this.styleTween(t,Ra(t,r)).on("end.style."+t,Hr(t)):typeof n=="function"?this.styleTween(t,Da(t,r,fe(this,"style."+t,n))).each(Ba(this._id,t)):this.styleTween(t,Fa(t,r,n),e).on("end.style."+t,null)}function qa(t,n,e){return function(r){this.style.setProperty(t,n.call(this,r),e)}}function ja(t,n,e){var r,i;function o(){var a=n.apply(this,arguments);return a!==i&&(r=(i=a)&&qa(t,a,e)),r}return o._value=n,o}function Xa(t,n,e){var r="style."+(t+="");if(arguments.length<2)return(r=this.tween(r))&&r._value;if(n==null)return this.tween(r,null);if(typeof n!="function")throw new Error;return this.tween(r,ja(t,n,e??""))}function Va(t){return function(){this.textContent=t}}function Ha(t){return function(){var n=t(this);this.textContent=n??""}}function Wa(t){return this.tween("text",typeof t=="function"?Ha(fe(this,"text",t)):Va(t==null?"":t+""))}function Ya(t){return function(n){this.textContent=t.call(this,n)}}function Ja(t){var n,e;function r(){var i=t.apply(this,arguments);return i!==e&&(n=(e=i)&&Ya(i)),n}return r._value=t,r}function Ga(t){var n="text";if(arguments.length<1)return(n=this.tween(n))&&n._value;if(t==null)return this.tween(n,null);if(typeof t!="function")throw new Error;return this.tween(n,Ja(t))}function Ua(){for(var t=this._name,n=this._id,e=Wr(),r=this._groups,i=r.length,o=0;o<i;++o)for(var a=r[o],s=a.length,u,c=0;c<s;++c)if(u=a[c]){var l=nt(u,n);wn(u,t,e,c,a,{time:l.time+l.delay+l.duration,delay:0,duration:l.duration,ease:l.ease})}return new ht(r,this._parents,t,e)}function Ka(){var t,n,e=this,r=e._id,i=e.size();return new Promise(function(o,a){var s={value:a},u={value:function(){--i===0&&o()}};e.each(function(){var c=ot(this,r),l=c.on;l!==t&&(n=(t=l).copy(),n._.cancel.push(s),n._.interrupt.push(s),n._.end.push(u)),c.on=n}),i===0&&o()})}var Za=0;function ht(t,n,e,r){this._groups=t,this._parents=n,this._name=e,this._id=r}function Qa(t){return _t().transition(t)}function Wr(){return++Za}var ft=_t.prototype;ht.prototype=Qa.prototype={constructor:ht,select:Ia,selectAll:za,selectChild:ft.selectChild,selectChildren:ft.selectChildren,filter:Na,merge:$a,selection:La,transition:Ua,call:ft.call,nodes:ft.nodes,node:ft.node,size:ft.size,empty:ft.empty,each:ft.each,on:Sa,attr:la,attrTween:pa,style:Pa,styleTween:Xa,text:Wa,textTween:Ga,remove:Ca,tween:ea,delay:ya,duration:xa,ease:ba,easeVarying:ka,end:Ka,[Symbol.iterator]:ft[Symbol.iterator]};var tu={time:null,delay:0,duration:250,ease:Pr};function nu(t,n){for(var e;!(e=t.__transition)||!(e=e[n]);)if(!(t=t.parentNode))throw new Error(`transition ${n} not found`);return e}function eu(t){var n,e;t instanceof ht?(n=t._id,t=t._name):(n=Wr(),(e=tu).time=en(),t=t==null?null:t+"");for(var r=this._groups,i=r.length,o=0;o<i;++o)for(var a=r[o],s=a.length,u,c=0;c<s;++c)(u=a[c])&&wn(u,t,n,c,a,e||nu(u,n));return new ht(r,this._parents,t,n)}_t.prototype.interrupt=Qs;_t.prototype.transition=eu;var vn=t=>()=>t;function ru(t,{sourceEvent:n,target:e,transform:r,dispatch:i}){Object.defineProperties(this,{type:{value:t,enumerable:!0,configurable:!0},sourceEvent:{value:n,enumerable:!0,configurable:!0},target:{value:e,enumerable:!0,configurable:!0},transform:{value:r,enumerable:!0,configurable:!0},_:{value:i}})}function dt(t,n,e){this.k=t,this.x=n,this.y=e}dt.prototype={constructor:dt,scale:function(t){return t===1?this:new dt(this.k*t,this.x,this.y)},translate:function(t,n){return t===0&n===0?this:new dt(this.k,this.x+this.k*t,this.y+this.k*n)},apply:function(t){return[t[0]*this.k+this.x,t[1]*this.k+this.y]},applyX:function(t){return t*this.k+this.x},applyY:function(t){return t*this.k+this.y},invert:function(t){return[(t[0]-this.x)/this.k,(t[1]-this.y)/this.k]},invertX:function(t){return(t-this.x)/this.k},invertY:function(t){return(t-this.y)/this.k},rescaleX:function(t){return t.copy().domain(t.range().map(this.invertX,this).map(t.invert,t))},rescaleY:function(t){return t.copy().domain(t.range().map(this.invertY,this).map(t.invert,t))},toString:function(){return"translate("+this.x+","+this.y+") scale("+this.k+")"}};var mt=new dt(1,0,0);iu.prototype=dt.prototype;function iu(t){for(;!t.__zoom;)if(!(t=t.parentNode))return mt;return t.__zoom}function he(t){t.stopImmediatePropagation()}function Ht(t){t.preventDefault(),t.stopImmediatePropagation()}function ou(t){return(!t.ctrlKey||t.type==="wheel")&&!t.button}function su(){var t=this;return t instanceof SVGElement?(t=t.ownerSVGElement||t,t.hasAttribute("viewBox")?(t=t.viewBox.baseVal,[[t.x,t.y],[t.x+t.width,t.y+t.height]]):[[0,0],[t.width.baseVal.value,t.height.baseVal.value]]):[[0,0],[t.clientWidth,t.clientHeight]]}function Yr(){return this.__zoom||mt}function au(t){return-t.deltaY*(t.deltaMode===1?.05:t.deltaMode?1:.002)*(t.ctrlKey?10:1)}function uu(){return navigator.maxTouchPoints||"ontouchstart"in this}function lu(t,n,e){var r=t.invertX(n[0][0])-e[0][0],i=t.invertX(n[1][0])-e[1][0],o=t.invertY(n[0][1])-e[0][1],a=t.invertY(n[1][1])-e[1][1];return t.translate(i>r?(r+i)/2:Math.min(0,r)||Math.max(0,i),a>o?(o+a)/2:Math.min(0,o)||Math.max(0,a))}function Jr(){var t=ou,n=su,e=lu,r=au,i=uu,o=[0,1/0],a=[[-1/0,-1/0],[1/0,1/0]],s=250,u=Lr,c=wt("start","zoom","end"),l,f,h,d=500,v=150,m=0,w=10;function p(y){y.property("__zoom",Yr).on("wheel.zoom",O,{passive:!1}).on("mousedown.zoom",R).on("dblclick.zoom",z).filter(i).on("touchstart.zoom",L).on("touchmove.zoom",P).on("touchend.zoom touchcancel.zoom",D).style("-webkit-tap-highlight-color","rgba(0,0,0,0)")}p.transform=function(y,A,_,E){var S=y.selection?y.selection():y;S.property("__zoom",Yr),y!==S?N(y,A,_,E):S.interrupt().each(function(){x(this,arguments).event(E).start().zoom(null,typeof A=="function"?A.apply(this,arguments):A).end()})},p.scaleBy=function(y,A,_,E){p.scaleTo(y,function(){var S=this.__zoom.k,C=typeof A=="function"?A.apply(this,arguments):A;return S*C},_,E)},p.scaleTo=function(y,A,_,E){p.transform(y,function(){var S=n.apply(this,arguments),C=this.__zoom,I=_==null?g(S):typeof _=="function"?_.apply(this,arguments):_,F=C.invert(I),B=typeof A=="function"?A.apply(this,arguments):A;return e(M(b(C,B),I,F),S,a)},_,E)},p.translateBy=function(y,A,_,E){p.transform(y,function(){return e(this.__zoom.translate(typeof A=="function"?A.apply(this,arguments):A,typeof _=="function"?_.apply(this,arguments):_),n.apply(this,arguments),a)},null,E)},p.translateTo=function(y,A,_,E,S){p.transform(y,function(){var C=n.apply(this,arguments),I=this.__zoom,F=E==null?g(C):typeof E=="function"?E.apply(this,arguments):E;return e(mt.translate(F[0],F[1]).scale(I.k).translate(typeof A=="function"?-A.apply(this,arguments):-A,typeof _=="function"?-_.apply(this,arguments):-_),C,a)},E,S)};function b(y,A){return A=Math.max(o[0],Math.min(o[1],A)),A===y.k?y:new dt(A,y.x,y.y)}function M(y,A,_){var E=A[0]-_[0]*y.k,S=A[1]-_[1]*y.k;return E===y.x&&S===y.y?y:new dt(y.k,E,S)}function g(y){return[(+y[0][0]+ +y[1][0])/2,(+y[0][1]+ +y[1][1])/2]}function N(y,A,_,E){y.on("start.zoom",function(){x(this,arguments).event(E).start()}).on("interrupt.zoom end.zoom",function(){x(this,arguments).event(E).end()}).tween("zoom",function(){var S=this,C=arguments,I=x(S,C).event(E),F=n.apply(S,C),B=_==null?g(F):typeof _=="function"?_.apply(S,C):_,et=Math.max(F[1][0]-F[0][0],F[1][1]-F[0][1]),j=S.__zoom,K=typeof A=="function"?A.apply(S,C):A,st=u(j.invert(B).concat(et/j.k),K.invert(B).concat(et/K.k));return function(Z){if(Z===1)Z=K;else{var at=st(Z),En=et/at[2];Z=new dt(En,B[0]-at[0]*En,B[1]-at[1]*En)}I.zoom(null,Z)}})}function x(y,A,_){return!_&&y.__zooming||new k(y,A)}function k(y,A){this.that=y,this.args=A,this.active=0,this.sourceEvent=null,this.extent=n.apply(y,A),this.taps=0}k.prototype={event:function(y){return y&&(this.sourceEvent=y),this},start:function(){return++this.active===1&&(this.that.__zooming=this,this.emit("start")),this},zoom:function(y,A){return this.mouse&&y!=="mouse"&&(this.mouse[1]=A.invert(this.mouse[0])),this.touch0&&y!=="touch"&&(this.touch0[1]=A.invert(this.touch0[0])),this.touch1&&y!=="touch"&&(this.touch1[1]=A.invert(this.touch1[0])),this.that.__zoom=A,this.emit("zoom"),this},end:function(){return--this.active===0&&(delete this.that.__zooming,this.emit("end")),this},emit:function(y){var A=U(this.that).datum();c.call(y,this.that,new ru(y,{sourceEvent:this.sourceEvent,target:p,transform:this.that.__zoom,dispatch:c}),A)}};function O(y,...A){if(!t.apply(this,arguments))return;var _=x(this,A).event(y),E=this.__zoom,S=Math.max(o[0],Math.min(o[1],E.k*Math.pow(2,r.apply(this,arguments)))),C=ut(y);if(_.wheel)(_.mouse[0][0]!==C[0]||_.mouse[0][1]!==C[1])&&(_.mouse[1]=E.invert(_.mouse[0]=C)),clearTimeout(_.wheel);else{if(E.k===S)return;_.mouse=[C,E.invert(C)],Vt(this),_.start()}Ht(y),_.wheel=setTimeout(I,v),_.zoom("mouse",e(M(b(E,S),_.mouse[0],_.mouse[1]),_.extent,a));function I(){_.wheel=null,_.end()}}function R(y,...A){if(h||!t.apply(this,arguments))return;var _=y.currentTarget,E=x(this,A,!0).event(y),S=U(y.view).on("mousemove.zoom",B,!0).on("mouseup.zoom",et,!0),C=ut(y,_),I=y.clientX,F=y.clientY;tr(y.view),he(y),E.mouse=[C,this.__zoom.invert(C)],Vt(this),E.start();function B(j){if(Ht(j),!E.moved){var K=j.clientX-I,st=j.clientY-F;E.moved=K*K+st*st>m}E.event(j).zoom("mouse",e(M(E.that.__zoom,E.mouse[0]=ut(j,_),E.mouse[1]),E.extent,a))}function et(j){S.on("mousemove.zoom mouseup.zoom",null),nr(j.view,E.moved),Ht(j),E.event(j).end()}}function z(y,...A){if(t.apply(this,arguments)){var _=this.__zoom,E=ut(y.changedTouches?y.changedTouches[0]:y,this),S=_.invert(E),C=_.k*(y.shiftKey?.5:2),I=e(M(b(_,C),E,S),n.apply(this,A),a);Ht(y),s>0?U(this).transition().duration(s).call(N,I,E,y):U(this).call(p.transform,I,E,y)}}function L(y,...A){if(t.apply(this,arguments)){var _=y.touches,E=_.length,S=x(this,A,y.changedTouches.length===E).event(y),C,I,F,B;for(he(y),I=0;I<E;++I)F=_[I],B=ut(F,this),B=[B,this.__zoom.invert(B),F.identifier],S.touch0?!S.touch1&&S.touch0[2]!==B[2]&&(S.touch1=B,S.taps=0):(S.touch0=B,C=!0,S.taps=1+!!l);l&&(l=clearTimeout(l)),C&&(S.taps<2&&(f=B[0],l=setTimeout(function(){l=null},d)),Vt(this),S.start())}}function P(y,...A){if(this.__zooming){var _=x(this,A).event(y),E=y.changedTouches,S=E.length,C,I,F,B;for(Ht(y),C=0;C<S;++C)I=E[C],F=ut(I,this),_.touch0&&_.touch0[2]===I.identifier?_.touch0[0]=F:_.touch1&&_.touch1[2]===I.identifier&&(_.touch1[0]=F);if(I=_.that.__zoom,_.touch1){var et=_.touch0[0],j=_.touch0[1],K=_.touch1[0],st=_.touch1[1],Z=(Z=K[0]-et[0])*Z+(Z=K[1]-et[1])*Z,at=(at=st[0]-j[0])*at+(at=st[1]-j[1])*at;I=b(I,Math.sqrt(Z/at)),F=[(et[0]+K[0])/2,(et[1]+K[1])/2],B=[(j[0]+st[0])/2,(j[1]+st[1])/2]}else if(_.touch0)F=_.touch0[0],B=_.touch0[1];else return;_.zoom("touch",e(M(I,F,B),_.extent,a))}}function D(y,...A){if(this.__zooming){var _=x(this,A).event(y),E=y.changedTouches,S=E.length,C,I;for(he(y),h&&clearTimeout(h),h=setTimeout(function(){h=null},d),C=0;C<S;++C)I=E[C],_.touch0&&_.touch0[2]===I.identifier?delete _.touch0:_.touch1&&_.touch1[2]===I.identifier&&delete _.touch1;if(_.touch1&&!_.touch0&&(_.touch0=_.touch1,delete _.touch1),_.touch0)_.touch0[1]=this.__zoom.invert(_.touch0[0]);else if(_.end(),_.taps===2&&(I=ut(I,this),Math.hypot(f[0]-I[0],f[1]-I[1])<w)){var F=U(this).on("dblclick.zoom");F&&F.apply(this,arguments)}}}return p.wheelDelta=function(y){return arguments.length?(r=typeof y=="function"?y:vn(+y),p):r},p.filter=function(y){return arguments.length?(t=typeof y=="function"?y:vn(!!y),p):t},p.touchable=function(y){return arguments.length?(i=typeof y=="function"?y:vn(!!y),p):i},p.extent=function(y){return arguments.length?(n=typeof y=="function"?y:vn([[+y[0][0],+y[0][1]],[+y[1][0],+y[1][1]]]),p):n},p.scaleExtent=function(y){return arguments.length?(o[0]=+y[0],o[1]=+y[1],p):[o[0],o[1]]},p.translateExtent=function(y){return arguments.length?(a[0][0]=+y[0][0],a[1][0]=+y[1][0],a[0][1]=+y[0][1],a[1][1]=+y[1][1],p):[[a[0][0],a[0][1]],[a[1][0],a[1][1]]]},p.constrain=function(y){return arguments.length?(e=y,p):e},p.duration=function(y){return arguments.length?(s=+y,p):s},p.interpolate=function(y){return arguments.length?(u=y,p):u},p.on=function(){var y=c.on.apply(c,arguments);return y===c?p:y},p.clickDistance=function(y){return arguments.length?(m=(y=+y)*y,p):Math.sqrt(m)},p.tapDistance=function(y){return arguments.length?(w=+y,p):w},p}function de(t,{onClick:n=null,describe:e=o=>o.label??String(o.id),tooltip:r=null,collide:i=!1}={}){let o=t.getContext("2d"),a=[],s=[],u=mt,c=null,l=0,f=null,h=0,d=0,v=!1,m=0,w=()=>{let x=t.getBoundingClientRect(),k=window.devicePixelRatio||1;h=Math.max(1,x.width),d=Math.max(1,x.height),t.width=Math.round(h*k),t.height=Math.round(d*k),o.setTransform(k,0,0,k,0,0),M()},p=()=>{l=0,o.save(),o.clearRect(0,0,h,d),o.translate(h/2+u.x,d/2+u.y),o.scale(u.k,u.k);let x=s.length>2e3;if(o.lineCap="round",x){o.beginPath();for(let k of s)o.moveTo(k.source.x,k.source.y),o.lineTo(k.target.x,k.target.y);o.strokeStyle="rgba(90, 90, 110, 0.18)",o.lineWidth=.6/u.k,o.stroke()}else for(let k of s)o.beginPath(),o.moveTo(k.source.x,k.source.y),o.lineTo(k.target.x,k.target.y),o.strokeStyle=k.color??"rgba(90, 90, 110, 0.35)",o.lineWidth=(k.width??1)/Math.sqrt(u.k),o.stroke();for(let k of a)o.beginPath(),o.arc(k.x,k.y,k.r,0,2*Math.PI),o.fillStyle=k.color,o.fill(),(k===c||k.outline)&&(o.lineWidth=2/u.k,o.strokeStyle="#111",o.stroke());if(a.length<=300){o.fillStyle="#222",o.font=`${11/u.k}px system-ui, sans-serif`,o.textAlign="center";for(let k of a)k.showLabel&&o.fillText(k.label,k.x,k.y-k.r-3/u.k)}o.restore()};function b(){if(!a.length)return;let[x,k,O,R]=[1/0,1/0,-1/0,-1/0];for(let D of a)x=Math.min(x,D.x-D.r),k=Math.min(k,D.y-D.r),O=Math.max(O,D.x+D.r),R=Math.max(R,D.y+D.r);let z=Math.min(3,Math.max(.05,Math.min(h/(O-x+40),d/(R-k+40)))),L=(x+O)/2,P=(k+R)/2;U(t).call(N.transform,mt.translate(-L*z,-P*z).scale(z))}function M(){l||(l=requestAnimationFrame(p))}let g=x=>{let k=t.getBoundingClientRect(),[O,R]=u.invert([x.clientX-k.left-h/2,x.clientY-k.top-d/2]),z=null,L=1/0;for(let P of a){let D=Math.hypot(P.x-O,P.y-R)-P.r;D<L&&(L=D,z=P)}return L<=6/u.k?z:null},N=Jr().scaleExtent([.05,20]).on("zoom",x=>{u=x.transform,x.sourceEvent&&(v=!0),M()});return U(t).call(N).on("dblclick.zoom",null),t.addEventListener("mousemove",x=>{let k=g(x);k!==c&&(c=k,t.style.cursor=k&&n?"pointer":"default",M()),r&&(k?(r.textContent=e(k),r.style.left=`${x.offsetX+14}px`,r.style.top=`${x.offsetY+10}px`,r.hidden=!1):r.hidden=!0)}),t.addEventListener("mouseleave",()=>{c=null,r&&(r.hidden=!0),M()}),t.addEventListener("click",x=>{let k=g(x);k&&n&&n(k)}),new ResizeObserver(w).observe(t),w(),{setData(x,k,{keepPositions:O=null}={}){f?.stop();let R=10*Math.sqrt(x.length+1);for(let L of x){let P=O?.get(L.id);L.x??(L.x=P?.x??(Math.random()-.5)*R),L.y??(L.y=P?.y??(Math.random()-.5)*R)}a=x,s=k,c=null,t.dataset.nodes=String(a.length),t.dataset.links=String(s.length);let z=a.length>1500;f=Be(a).force("link",De(s).id(L=>L.id).distance(L=>L.distance??30).strength(L=>L.strength??.5)).force("charge",Pe().strength(z?-12:-40).theta(.9).distanceMax(z?200:600)).force("x",qe().strength(.04)).force("y",je().strength(.04)).force("collide",i?Fe(L=>L.r+2).iterations(2):null).alphaDecay(z?.06:.03).on("tick",()=>{m+=1,!v&&m%10===0&&b(),M()}).on("end",()=>{v||b(),t.dataset.settled="true"}),t.dataset.settled="false",m=0,O||(v=!1,u=mt,U(t).call(N.transform,mt)),M()},positions(){return new Map(a.map(x=>[x.id,{x:x.x,y:x.y}]))},fit(){v=!1,b()},clear(){f?.stop(),a=[],s=[],M()}}}function Gr(t,n=new Map){let e=[],r=new Map,i=(s,u,c)=>(s.parent=u,s.rank=c,s.depth=u?u.depth+1:0,s.index=e.length,e.push(s),s.node!==void 0&&r.set(String(s.node),s),s),o;if(t.tree){let s=(u,c,l)=>{let f=i({path:u.path,flow:u.flow,enter:u.enter??0,exit:u.exit??0,children:[]},c,l);return u.children?u.children.forEach(h=>{let d=Number(String(h.path).split(":").pop());f.children.push(s(h,f,d))}):(f.node=u.node,f.name=u.name,f.children=null,r.set(String(f.node),f)),f};o=s(t.tree,null,0)}else{let s=t.node_flow||{},u=new Map;for(let[c,l]of Object.entries(t.modules))u.has(l)||u.set(l,[]),u.get(l).push(c);o=i({path:"root",flow:0,enter:0,exit:0,children:[]},null,0);for(let c of[...u.keys()].sort((l,f)=>l-f)){let l=i({path:String(c),flow:0,enter:NaN,exit:NaN,children:[]},o,c);o.children.push(l),u.get(c).sort((h,d)=>(s[d]??0)-(s[h]??0)).forEach((h,d)=>{let v=s[h]??0,m=/^-?\d+$/.test(h)?Number(h):h;l.children.push(i({path:`${c}:${d+1}`,flow:v,node:m,name:n.get(h)??h,children:null},l,d+1)),l.flow+=v}),o.flow+=l.flow}}let a=s=>{if(!s.children){s.size=1,s.leaves=[s];return}s.children.forEach(a),s.size=s.children.reduce((u,c)=>u+c.size,0),s.leaves=s.children.flatMap(u=>u.leaves)};return a(o),{root:o,all:e,byNode:r}}function xn(t,n=5){return[...t.leaves].sort((e,r)=>r.flow-e.flow).slice(0,n)}function Ur(t,{model:n,tau:e=.15,markovTime:r=1,recorded:i=!1}){let o=new Map,a=[],s=g=>{let N=String(g);return o.has(N)||(o.set(N,a.length),a.push(N)),o.get(N)},u=[],c=[],l=[];for(let g of t)u.push(s(g[0])),c.push(s(g[1])),l.push(g.length>2?Number(g[2]):1);let f=a.length,h=u.length,d=0,v=0;for(let g=0;g<h;g++)d+=l[g],u[g]===c[g]&&(v+=l[g]);let m=2*d-v,w=new Float64Array(f);for(let g=0;g<h;g++)w[u[g]]+=l[g],(n==="undirected"||n==="undirdir")&&u[g]!==c[g]&&(w[c[g]]+=l[g]);let p=new Float64Array(f);for(let g=0;g<h;g++)p[u[g]]+=l[g],n!=="outdirdir"&&u[g]!==c[g]&&(p[c[g]]+=l[g]);for(let g=0;g<f;g++)p[g]/=m;let b=new Float64Array(h);if(n==="undirected")for(let g=0;g<h;g++)b[g]=(u[g]===c[g]?l[g]:2*l[g])/m;else if(n==="directed"){let g=new Float64Array(f);for(let x=0;x<h;x++)g[i?c[x]:u[x]]+=l[x]/d;let N=l.map((x,k)=>w[u[k]]>0?x/w[u[k]]:0);cu(f,u,c,N,p,g,w,e,i,b)}else if(n==="undirdir"||n==="outdirdir"){let g=0;for(let N=0;N<h;N++)b[N]=p[u[N]]*l[N]/w[u[N]],g+=b[N];for(let N=0;N<h;N++)b[N]/=g}else for(let g=0;g<h;g++)b[g]=l[g]/d;let M=[];for(let g=0;g<h;g++)M.push({s:a[u[g]],t:a[c[g]],flow:b[g]*r});return M}function cu(t,n,e,r,i,o,a,s,u,c){let l=n.length,f=Array.from(a,M=>M<=0),h=Float64Array.from(i),d=new Float64Array(t),v=1-s,m=0,w=0,p=0;for(;;){let M=m;p=0;for(let x=0;x<t;x++)f[x]&&(p+=h[x]);let g=s+v*p;for(let x=0;x<t;x++)d[x]=g*o[x];for(let x=0;x<l;x++)d[e[x]]+=r[x]*(v*h[n[x]]);let N=0;m=0;for(let x=0;x<t;x++)N+=d[x],m+=Math.abs(d[x]-h[x]);if(h=Float64Array.from(d),Math.abs(N-1)>1e-10&&N>0)for(let x=0;x<t;x++)h[x]/=N;if(Math.abs(m-M)<1e-17&&(s+=1e-12,v=1-s),w+=1,!(w<400&&(m>1e-15||w<50)))break}if(u){for(let M=0;M<l;M++)c[M]=r[M]*v*d[n[M]];return}let b=1-p;for(let M=0;M<l;M++)c[M]=r[M]*d[n[M]]/b}function Kr(t,n,e,r){let i=[],o=new Map,a=c=>{if(c.children&&(c===t.root||e.has(c.path))){c.children.forEach(a);return}let l=i.length;i.push(c);for(let f of c.leaves)o.set(String(f.node),l)};a(t.root);let s=new Map;for(let{s:c,t:l,flow:f}of n){let h=o.get(c),d=o.get(l);if(h===void 0||d===void 0||h===d)continue;!r&&h>d&&([h,d]=[d,h]);let v=h*i.length+d;s.set(v,(s.get(v)??0)+f)}let u=[...s].map(([c,l])=>({a:Math.floor(c/i.length),b:c%i.length,flow:l}));return{units:i,links:u}}var X=class extends Error{constructor(n,e){super(n),this.field=e}},fu=/^[+-]?\d+$/;function pe(t,n=""){let e=n.toLowerCase();if(e.endsWith(".net")||e.endsWith(".pajek"))return"pajek";if(e.endsWith(".json"))return"json";let r=t.trimStart();return r.startsWith("{")||r.startsWith("[")?"json":/^\s*\*(vertices|edges|arcs|edgeslist|arcslist)\b/im.test(t)?"pajek":"linklist"}function ge(t,n,e,r){let i=Number(t);if(t===void 0||t===""||!Number.isFinite(i))throw new X(`line ${e}: ${n} '${t}' is not a finite number`,r);return i}function me(t,n){let e=[];for(let[s,u]of t)e.push(s,u);for(let s of n)e.push(s.id);let i=e.every(s=>typeof s=="number"?Number.isSafeInteger(s):fu.test(String(s))&&Number.isSafeInteger(Number(s)))?s=>Number(s):s=>String(s),o=t.map(s=>s.length>2?[i(s[0]),i(s[1]),s[2]]:[i(s[0]),i(s[1])]),a=n.map(s=>({...s,id:i(s.id)}));return{edges:o,nodes:a}}function ye(t){return t.split(/\r?\n/)}function hu(t){let n=[],e=/"([^"]*)"|(\S+)/g,r;for(;(r=e.exec(t))!==null;)n.push(r[1]!==void 0?{q:r[1]}:r[2]);return n}function du(t){let n=[];return ye(t).forEach((e,r)=>{let i=e.trim();if(!i||i.startsWith("#")||i.startsWith("%"))return;let o=i.split(/[\s,;]+/);if(o.length<2)throw new X(`line ${r+1}: expected 'source target [weight]'`,"edges");o.length>=3?n.push([o[0],o[1],ge(o[2],"weight",r+1,"edges")]):n.push([o[0],o[1]])}),{...me(n,[]),directedHint:null}}function pu(t){let n=[],e=[],r=null,i=null;return ye(t).forEach((o,a)=>{let s=o.trim();if(!s||s.startsWith("#")||s.startsWith("%"))return;if(s.startsWith("*")){let l=s.slice(1).split(/\s+/)[0].toLowerCase();if(l==="vertices")r="vertices";else if(l==="edges"||l==="arcs")r=l;else if(l==="edgeslist"||l==="arcslist")r=l;else throw new X(`line ${a+1}: unknown Pajek section '*${l}'`,"edges");l.startsWith("arcs")?i=!0:l.startsWith("edges")&&i===null&&(i=!1);return}let u=hu(s),c=l=>typeof l=="string"?l:l.q;if(r==="vertices"){let l={id:c(u[0])};u.length>1&&(l.name=c(u[1])),e.push(l)}else if(r==="edges"||r==="arcs"){if(u.length<2)throw new X(`line ${a+1}: expected 'source target [weight]'`,"edges");let[l,f,h]=u.map(c);n.push(h!==void 0?[l,f,ge(h,"weight",a+1,"edges")]:[l,f])}else if(r==="edgeslist"||r==="arcslist"){let[l,...f]=u.map(c);for(let h of f)n.push([l,h])}else throw new X(`line ${a+1}: data before a *Vertices or *Edges line`,"edges")}),{...me(n,e),directedHint:i}}function gu(t){let n;try{n=JSON.parse(t)}catch(u){throw new X(`not valid JSON: ${u.message}`,"edges")}let e,r=[],i=null,o=(u,...c)=>c.map(l=>u[l]).find(l=>l!==void 0);if(Array.isArray(n)?e=n:n&&typeof n=="object"&&(e=o(n,"edges","links"),r=Array.isArray(n.nodes)?n.nodes:[],typeof n.directed=="boolean"&&(i=n.directed)),!Array.isArray(e))throw new X('JSON: expected [[source, target, weight?], ...] or {"edges"|"links": [...], "nodes": [...]}',"edges");let a=e.map((u,c)=>{if(Array.isArray(u))return u.length>2?[u[0],u[1],u[2]]:[u[0],u[1]];if(u&&typeof u=="object"){let l=o(u,"weight","value");return l!==void 0?[u.source,u.target,l]:[u.source,u.target]}throw new X(`JSON: link ${c} is neither [source, target] nor {source, target}`,"edges")}),s=r.map(u=>typeof u=="object"&&u!==null?{id:u.id,...o(u,"name","label")!==void 0?{name:String(o(u,"name","label"))}:{}}:{id:u});return{...me(a,s),directedHint:i}}function Zr(t,n="auto",e=""){if(!t.trim())throw new X("paste a network, upload a file or pick an example","edges");let r=n==="auto"?pe(t,e):n,i=r==="pajek"?pu(t):r==="json"?gu(t):du(t),o=new Map;for(let a of i.nodes)a.name!==void 0&&o.set(String(a.id),a.name);return{...i,names:o,format:r}}function Qr(t){let n=t.trimStart();if(!n)throw new X("paste or upload vectors (CSV or JSON)","vectors");if(n.startsWith("{")||n.startsWith("[")){let l;try{l=JSON.parse(t)}catch(f){throw new X(`not valid JSON: ${f.message}`,"vectors")}if(Array.isArray(l)&&l.length&&!Array.isArray(l[0])&&typeof l[0]=="object")return{vectors:l.map(f=>f.vector??f.embedding),labels:l.map((f,h)=>String(f.label??h))};if(Array.isArray(l))return{vectors:l,labels:null};if(l&&Array.isArray(l.vectors))return{vectors:l.vectors,labels:Array.isArray(l.labels)?l.labels.map(String):null};throw new X('JSON: expected [[...], ...], {"vectors", "labels"} or [{"label", "vector"}]',"vectors")}let r=ye(t).map(l=>l.trim()).filter(l=>l&&!l.startsWith("#")).map(l=>l.split(/\s*[,;\t]\s*|\s+/)),i=l=>l!==""&&Number.isFinite(Number(l)),o=0;r.length&&r[0].slice(1).some(l=>!i(l))&&(o=1);let a=r.slice(o),s=a.some(l=>!i(l[0])),u=[],c=[];return a.forEach((l,f)=>{let h=s?l.slice(1):l;u.push(h.map(d=>ge(d,"value",f+o+1,"vectors"))),c.push(s?l[0]:String(f))}),{vectors:u,labels:s?c:null}}var mu=5e4,yu=20,wu=5e3,vu=2e4,we=2e3,ve=["#4e79a7","#f28e2b","#e15759","#76b7b2","#59a14f","#edc948","#b07aa1","#ff9da7","#9c755f","#bab0ac","#1f77b4","#aec7e8","#ff7f0e","#98df8a","#d62728","#c5b0d5","#8c564b","#e377c2","#7f7f7f","#bcbd22","#17becf","#393b79","#637939","#8c6d31","#843c39","#7b4173"],Jt=t=>ve[(t-1+ve.length)%ve.length],$=(t,n=document)=>n.querySelector(t),At=(t,n=document)=>[...n.querySelectorAll(t)],T={caps:{jobs:!1,jobResult:!1,vectors:!1},source:"network",run:null,expanded:new Set,sort:{key:"flow",dir:-1}};function xu(t,n){if(!n)return"_general";let e=String(n).split(".")[0],r={links:"edges",nodes:"edges",sparse:"edges",adjacency:"edges",body:"edges",file:"edges"},i=t.id==="network-form"?r[e]??e:e==="body"?"vectors":e;return $(`.field-error[data-for="${i}"]`,t)?i:"_general"}function bn(t,n,e){let r=xu(t,n),i=$(`.field-error[data-for="${r}"]`,t);i.textContent=e,i.classList.add("shown"),(i.previousElementSibling?.matches?.("textarea, input, label, select, div")?i.previousElementSibling:null)?.classList.add("invalid")}function xe(t){for(let n of At(".field-error",t))n.textContent="",n.classList.remove("shown");for(let n of At(".invalid",t))n.classList.remove("invalid")}function yt(t){let n=$(t).value.trim(),e=Number(n);return n!==""&&Number.isFinite(e)?e:n}function Yt(t,n,e="running\u2026"){$(`#${t}busy`).hidden=!n;let r=$(`#${t}busy-text`);r&&(r.textContent=e),$(t?"#vectors-run":"#run").disabled=n}function Mn(t,n){let e=$(`#${t}progress`);if(e.hidden=!n,!n)return;e.max=Math.max(1,n.progress?.total??1),e.value=n.progress?.done??0,e.dataset.status=n.status;let r=$("#progress-text");!t&&r&&(r.textContent=`job ${n.id.slice(0,8)}: ${n.status}, ${e.value}/${e.max} trials`)}function _u(){let t=$("#network-form"),n=Zr($("#network-text").value,$("#format").value,T.fileName??""),e={edges:n.edges,...n.nodes.length?{nodes:n.nodes}:{},directed:$("#directed").checked,two_level:$("#two-level").checked,num_trials:yt("#num_trials"),seed:yt("#seed"),markov_time:yt("#markov_time"),teleportation_probability:yt("#teleportation_probability"),include_tree:!0,include_flow:!0};return $("#flow_model").value&&(e.flow_model=$("#flow_model").value),t.dataset.format=n.format,{request:e,parsed:n}}async function bu(t){t?.preventDefault();let n=$("#network-form");xe(n);let e,r;try{({request:e,parsed:r}=_u())}catch(u){if(u instanceof X)return bn(n,u.field,u.message);throw u}let i=$("#run-mode").value,o=e.edges.length>mu||Number(e.num_trials)>yu,a=T.caps.jobs&&(i==="job"||i==="auto"&&o),s=performance.now();Yt("",!0,a?"submitting job\u2026":"running\u2026"),Mn("",null),$("#progress-text").textContent="";try{let u,c=null;if(!a)try{u=await Gt("/v1/infomap",e)}catch(l){if(!(l instanceof Q&&l.code==="too_large_for_sync"&&T.caps.jobs))throw l;a=!0}a&&(Yt("",!0,"job running\u2026"),{job:c,result:u}=await Cn("infomap",e,l=>Mn("",l))),Mu({request:e,response:u,parsed:r,job:c,seconds:(performance.now()-s)/1e3})}catch(u){if(!(u instanceof Q))throw u;bn(n,u.field,u.message)}finally{Yt("",!1)}}var kn,Nn;function Mu({request:t,response:n,parsed:e,job:r,seconds:i}){let o=t.flow_model??(t.directed?"directed":"undirected"),a=o!=="undirected",s=Gr(n,e.names),u=Ur(t.edges,{model:o,tau:Number(t.teleportation_probability),markovTime:Number(t.markov_time)});T.run={request:t,response:n,tree:s,flows:u,directed:a,flowModel:o,job:r},T.expanded=new Set;let c=(d,v,m)=>{let w=$(d);w.textContent=v,m!==void 0&&(w.dataset.value=String(m))};c("#codelength",n.codelength.toFixed(6),n.codelength),c("#one-level-codelength",n.one_level_codelength.toFixed(6),n.one_level_codelength),c("#savings",`${(100*n.relative_codelength_savings).toFixed(2)} %`,n.relative_codelength_savings),c("#num-levels",String(n.num_levels),n.num_levels),c("#num-modules",String(n.num_modules),n.num_modules),c("#num-nodes",String(n.num_nodes),n.num_nodes),c("#num-links",String(n.num_links),n.num_links);let l=[],f=(d,v)=>{d.children&&(v>0&&(l[v-1]=(l[v-1]??0)+1),d.children.forEach(m=>f(m,v+1)))};f(s.root,0),c("#modules-per-level",l.join(" / ")||"0");let h=n.trial_codelengths?.length??t.num_trials;c("#run-info",`${r?`job ${r.id.slice(0,8)}`:"synchronous"}, ${h} trial${h===1?"":"s"}, seed ${t.seed}, ${o}, ${i.toFixed(2)} s`,r?"job":"sync"),$("#results").hidden=!1,ku(),_e(!1),An(),$u()}function $n(t){for(;t.parent&&t.parent.parent;)t=t.parent;return t.rank}function ku(){let{tree:t,request:n}=T.run,e=t.root.leaves,r=$("#network-too-large");if(e.length>vu){kn.clear(),r.hidden=!1,r.textContent=`${e.length} nodes: too many to draw here; see the module network.`;return}r.hidden=!0;let i=Math.max(...e.map(c=>c.flow),1e-300),o=e.length>2e3,a=e.map(c=>({id:String(c.node),r:(o?1.5:3)+(o?6:12)*Math.sqrt(c.flow/i),color:Jt($n(c)),label:c.name,showLabel:e.length<=80,leaf:c})),s=new Set(a.map(c=>c.id)),u=[];for(let c of n.edges){let l=String(c[0]),f=String(c[1]);l!==f&&s.has(l)&&s.has(f)&&u.push({source:l,target:f,width:1})}kn.setData(a,u)}function _e(t=!0){let{tree:n,flows:e,directed:r}=T.run,{units:i,links:o}=Kr(n,e,T.expanded,r),a=Math.max(...i.map(f=>f.flow),1e-300),s=Math.max(...o.map(f=>f.flow),1e-300),u=i.map(f=>{let h=xn(f,1)[0],d=4+28*Math.sqrt(f.flow/a)/Math.max(1,Math.sqrt(i.length/12));return{id:f.path,r:d,color:Jt($n(f)),outline:!!f.children,label:f.children?`${f.path} ${h?.name??""}`:f.name,showLabel:i.length<=60,unit:f}}),c=new Map(u.map(f=>[f.id,f.r])),l=o.map(f=>({source:i[f.a].path,target:i[f.b].path,width:.5+10*(f.flow/s),strength:.2+.8*(f.flow/s),distance:c.get(i[f.a].path)+c.get(i[f.b].path)+25,flow:f.flow}));t&&Nu(u,Nn.positions()),Nn.setData(u,l,{keepPositions:t?new Map:null}),$("#module-canvas").dataset.units=i.map(f=>f.path).join(" ")}function Nu(t,n){for(let e of t){let r=n.get(e.id);for(let i=e.id;!r&&i.includes(":");)i=i.slice(0,i.lastIndexOf(":")),r=n.get(i);r||(r=[...n].find(([i])=>i.startsWith(`${e.id}:`))?.[1]),r&&(e.x=r.x+(Math.random()-.5)*20,e.y=r.y+(Math.random()-.5)*20)}}function ti(t){if(T.run.tree.all.find(e=>e.path===t)?.children){if(T.expanded.has(t))for(let e of[...T.expanded])(e===t||e.startsWith(`${t}:`))&&T.expanded.delete(e);else T.expanded.add(t);_e(!0),An()}}function _n(t,n){return n==="flow"?t.flow:n==="size"?t.size:n==="children"?t.children?t.children.length:0:t.rank}function An(){let t=$("#modules-table tbody"),n=[],{key:e,dir:r}=T.sort,i=(s,u)=>{n.length>=we||(n.push([s,u]),s.children&&T.expanded.has(s.path)&&[...s.children].sort((l,f)=>r*(_n(l,e)-_n(f,e))||l.rank-f.rank).forEach(l=>i(l,u+1)))};[...T.run.tree.root.children].sort((s,u)=>r*(_n(s,e)-_n(u,e))||s.rank-u.rank).forEach(s=>i(s,0));let a=n.map(([s,u])=>{let c=!!s.children,l=T.expanded.has(s.path),f=c?`<button type="button" class="expand" aria-expanded="${l}" title="${l?"collapse":"expand"}">${l?"\u25BE":"\u25B8"}</button>`:`<span class="leaf-dot" style="background:${Jt($n(s))}"></span>`,h=c?xn(s,5).map(d=>Wt(d.name)).join(", "):Wt(s.name);return`<tr data-path="${Wt(s.path)}" class="${c?"module":"node"}" data-depth="${u}"><td style="padding-left:${.4+u*1.2}em">${f} <span class="swatch" style="background:${Jt($n(s))}"></span>${Wt(s.path)}</td><td class="num">${s.flow.toFixed(5)}</td><td class="num">${s.size}</td><td class="num">${c?s.children.length:""}</td><td>${h}</td></tr>`});t.innerHTML=a.join(""),$("#table-note").textContent=n.length>=we?`showing the first ${we} rows`:"";for(let s of At("#modules-table th[data-sort]"))s.setAttribute("aria-sort",s.dataset.sort===e?r<0?"descending":"ascending":"none")}function Wt(t){return String(t).replace(/[&<>"']/g,n=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"})[n])}function $u(){let t=$("#downloads"),{job:n}=T.run;t.innerHTML="";for(let e of ke){let r=document.createElement("a");r.id=`download-${e.name}`,r.className="button",r.textContent=e.extension,r.title=e.what+(n&&T.caps.jobResult?" (written by the server)":" (written in the page)"),r.download=`${T.source}${e.extension}`,n&&T.caps.jobResult?r.href=`/v1/jobs/${n.id}/result?format=${e.name}`:(r.href="#",r.addEventListener("click",()=>{let i=new Blob([Ee(T.run,e.name)],{type:e.media});r.dataset.url&&URL.revokeObjectURL(r.dataset.url),r.dataset.url=URL.createObjectURL(i),r.href=r.dataset.url})),t.append(r)}}function Au(t){let n=In.find(e=>e.key===t);n&&($("#network-text").value=n.text,$("#format").value=n.format,T.source=n.key,T.fileName=n.file,xe($("#network-form")))}function ni(t,n){let e=t.files?.[0];if(!e)return;let r=new FileReader;r.onload=()=>n(String(r.result),e.name),r.readAsText(e)}async function Eu(t){t?.preventDefault();let n=$("#vectors-form");xe(n);let e;try{let{vectors:i,labels:o}=Qr($("#vectors-text").value);e={vectors:i,...o?{labels:o}:{},top_k:yt("#top_k"),min_similarity:yt("#min_similarity"),directed:$("#v-directed").checked,two_level:$("#v-two-level").checked,num_trials:yt("#v-num_trials"),seed:yt("#v-seed")}}catch(i){if(i instanceof X)return bn(n,i.field,i.message);throw i}let r=T.caps.jobs&&e.vectors.length>wu;Yt("vectors-",!0),Mn("vectors-",null);try{let i;if(!r)try{i=await Gt("/v1/cluster/vectors",e)}catch(o){if(!(o instanceof Q&&o.code==="too_large_for_sync"&&T.caps.jobs))throw o;r=!0}r&&({result:i}=await Cn("cluster_vectors",e,o=>Mn("vectors-",o))),Su(i)}catch(i){if(!(i instanceof Q))throw i;bn(n,i.field,i.message)}finally{Yt("vectors-",!1)}}function Su(t){$("#vectors-results").hidden=!1;let n=$("#vectors-summary");n.textContent=`${t.num_clusters} clusters \xB7 codelength ${t.codelength.toFixed(6)} bits (one level ${t.one_level_codelength.toFixed(6)}, savings ${(100*t.relative_codelength_savings).toFixed(2)} %) \xB7 kNN graph: ${t.graph.nodes} nodes, ${t.graph.links} links`,n.dataset.numClusters=String(t.num_clusters);let e=$("#clusters");e.innerHTML=t.clusters.map(r=>{let i=r.members.slice(0,200).map(a=>`<li>${Wt(a)}</li>`).join(""),o=r.members.length>200?`<li class="muted">\u2026 and ${r.members.length-200} more</li>`:"";return`<li class="cluster" data-module="${r.module}"><h4><span class="swatch" style="background:${Jt(r.module)}"></span>Cluster ${r.module} \xB7 ${r.size} member${r.size===1?"":"s"} \xB7 flow ${V(r.flow,4)}</h4><ol class="members">${i}${o}</ol></li>`}).join("")}function Tu(t){for(let n of At("nav [data-tab]"))n.setAttribute("aria-selected",String(n.dataset.tab===t));$("#tab-network").hidden=t!=="network",$("#tab-vectors").hidden=t!=="vectors"}async function Cu(){let t=$("#example");for(let n of In)t.add(new Option(n.title,n.key));t.addEventListener("change",()=>Au(t.value)),$("#network-file").addEventListener("change",n=>ni(n.target,(e,r)=>{$("#network-text").value=e,$("#format").value=pe(e,r),T.source=r.replace(/\.[^.]+$/,"")||"network",T.fileName=r,t.value=""})),$("#network-text").addEventListener("input",()=>{T.fileName="",t.value&&(T.source="network"),t.value=""}),$("#network-form").addEventListener("submit",bu),$("#vectors-form").addEventListener("submit",Eu),$("#vectors-example").addEventListener("click",()=>{$("#vectors-text").value=Me[0].text,$("#top_k").value="2"}),$("#vectors-file").addEventListener("change",n=>ni(n.target,e=>{$("#vectors-text").value=e}));for(let n of At("nav [data-tab]"))n.addEventListener("click",()=>Tu(n.dataset.tab));for(let n of At("#modules-table th[data-sort]"))n.addEventListener("click",()=>{let e=n.dataset.sort;T.sort={key:e,dir:T.sort.key===e?-T.sort.dir:e==="path"?1:-1},An()});if($("#modules-table tbody").addEventListener("click",n=>{let e=n.target.closest("button.expand");e&&ti(e.closest("tr").dataset.path)}),$("#collapse-all").addEventListener("click",()=>{T.expanded.clear(),_e(!0),An()}),kn=de($("#network-canvas"),{tooltip:$("#network-tooltip"),describe:n=>`${n.label} \xB7 module ${n.leaf.path.split(":").slice(0,-1).join(":")} \xB7 flow ${V(n.leaf.flow,4)}`}),Nn=de($("#module-canvas"),{tooltip:$("#module-tooltip"),describe:n=>n.unit.children?`module ${n.unit.path} \xB7 flow ${V(n.unit.flow,4)} \xB7 ${n.unit.size} nodes \xB7 ${xn(n.unit,3).map(e=>e.name).join(", ")}`:`${n.unit.name} \xB7 flow ${V(n.unit.flow,4)}`,onClick:n=>ti(n.unit.path),collide:!0}),$("#fit-network").addEventListener("click",()=>kn.fit()),$("#fit-modules").addEventListener("click",()=>Nn.fit()),T.caps=await be(),$("#server-info").textContent=`server ${T.caps.version}${T.caps.jobs?" \xB7 jobs":""}`,!T.caps.jobs)for(let n of At("#run-mode option"))n.value==="job"&&(n.disabled=!0);T.caps.vectors||($("#vectors-unavailable").hidden=!1,$("#vectors-form").hidden=!0),document.body.dataset.ready="true"}window.mapeq={state:T};Cu();
