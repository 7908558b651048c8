// mapeq web page, built from web/ (sources sha256 c63b0beb09779d67d9b15098f0e5ea932a4bc63f46fa6e47e687dfe9a3b801ea)
var K=class extends Error{constructor(n,e,r,i){super(r),this.status=n,this.code=e,this.field=i??null}},On="mapeq-api-key";function Rn(){try{return localStorage.getItem(On)||""}catch{return""}}function Te(t){try{t?localStorage.setItem(On,t):localStorage.removeItem(On)}catch{}}function Se(){let t=Rn();return t?{"X-API-Key":t}:{}}async function Ce(t,n,e){let r=e instanceof FormData;try{return await fetch(n,{method:t,headers:e===void 0||r?Se():{...Se(),"Content-Type":"application/json"},body:e===void 0||r?e:JSON.stringify(e)})}catch(i){throw new K(0,"network_error",`the server did not answer (${i.message})`,null)}}async function Pn(t,n=void 0){let e=await Ce(n===void 0?"GET":"POST",t,n);if(!e.ok){let o=(await e.json().catch(()=>null))?.error;throw new K(e.status,o?.code??"http_error",o?.message??`${e.status}`,o?.field??null)}let r=e.headers.get("Content-Disposition")??"",i=/filename="([^"]*)"/.exec(r)?.[1]??"";return{blob:await e.blob(),name:i}}async function Dn(t,n,e){let r=await Ce(t,n,e),i=await r.text(),o=null;try{o=i?JSON.parse(i):null}catch{o=null}if(!r.ok){let a=o?.error;throw new K(r.status,a?.code??"http_error",a?.message??`${r.status} ${i.slice(0,200)}`,a?.field??null)}return o}var rn=(t,n)=>Dn("POST",t,n),Ln=t=>Dn("GET",t);async function Ie(){try{let t=await Ln("/openapi.json"),n=t?.paths??{},e=(n["/v1/infomap/file"]?.post?.parameters??[]).find(i=>i.name==="format"),r=(e?.schema?.anyOf??[e?.schema??{}]).flatMap(i=>i.enum??[]);return{jobs:!!(n["/v1/jobs/infomap/file"]?.post&&n["/v1/jobs/{job_id}"]?.get),jobResult:!!n["/v1/jobs/{job_id}/result"]?.get,vectorJobs:!!(n["/v1/jobs"]?.post&&n["/v1/jobs/{job_id}"]?.get),vectors:!!n["/v1/cluster/vectors"]?.post,formats:r,version:t?.info?.version??""}}catch{return{jobs:!1,jobResult:!1,vectorJobs:!1,vectors:!1,formats:[],version:""}}}var oi=t=>new Promise(n=>setTimeout(n,t));async function Fn(t,n,e,{interval:r=250,signal:i}={}){let o=await rn(t,n);for(e(o);!["succeeded","failed","cancelled"].includes(o.status);){if(i?.aborted)throw await Dn("DELETE",`/v1/jobs/${o.id}`).catch(()=>{}),new K(0,"cancelled","cancelled",null);await oi(r),o=await Ln(`/v1/jobs/${o.id}`),e(o)}if(o.status!=="succeeded")throw new K(422,`job_${o.status}`,`job ${o.status}${o.error?`: ${o.error}`:""}`,null);return{job:o,result:await Ln(`/v1/jobs/${o.id}/result`)}}var Bn=[{key:"karate",title:"Zachary's karate club (34 nodes)",file:"karate.net",format:"pajek",text:`# Zachary's karate club (34 nodes, 78 edges), 1-based ids
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
`},{key:"states",title:"Memory network: *States (official example)",file:"states.net",format:"pajek",text:`# A network in state format
# Figure 6
*Vertices 5
#node_id name
1 "i"
2 "j"
3 "k"
4 "l"
5 "m"
*States
#state_id node_id name
1 1 "\u03B1~_i"
2 2 "\u03B2~_j"
3 3 "\u03B3~_k"
4 1 "\u03B4~_i"
5 4 "\u03B5~_l"
6 5 "\u03B6~_m"
*Links
#source target weight
1 2 0.8
1 3 0.8
1 5 0.2
1 6 0.2
2 1 1
2 3 1
3 1 1
3 2 1
4 5 0.8
4 6 0.8
4 2 0.2
4 3 0.2
5 4 1
5 6 1
6 4 1
6 5 1
`},{key:"multilayer",title:"Multilayer network: *Multilayer (official example)",file:"multilayer.net",format:"pajek",text:`# A multilayer network using explicit format
# Figure 3
*Vertices 5
# node_id name
1 "i"
2 "j"
3 "k"
4 "l"
5 "m"
*Multilayer
# layer_id node_id layer_id node_id weight
# intra
1 1 1 4 0.8
1 4 1 1 1
1 1 1 5 0.8
1 5 1 1 1
1 4 1 5 1
1 5 1 4 1
2 1 2 2 0.8
2 2 2 1 1
2 1 2 3 0.8
2 3 2 1 1
2 2 2 3 1
2 3 2 2 1
# inter
1 1 2 2 0.2
1 1 2 3 0.2
2 1 1 4 0.2
2 1 1 5 0.2
`},{key:"multilayer_intra",title:"Multilayer network: *Intra, relaxed (official example)",file:"multilayer_intra.net",format:"pajek",text:`# A multilayer network using *Intra format
# Figure 5
*Vertices 5
# node_id name
1 "i"
2 "j"
3 "k"
4 "l"
5 "m"
*Intra
# layer_id node_id node_id weight
1 1 4 1
1 4 1 1
1 1 5 1
1 5 1 1
1 4 5 1
1 5 4 1
2 1 2 1
2 2 1 1
2 1 3 1
2 3 1 1
2 2 3 1
2 3 2 1
`},{key:"multilayer_intra_inter",title:"Multilayer network: *Intra and *Inter (official example)",file:"multilayer_intra_inter.net",format:"pajek",text:`# A multilayer network using *Intra/*Inter format
# Figure 4
*Vertices 5
# node_id name
1 "i"
2 "j"
3 "k"
4 "l"
5 "m"
*Intra
# layer_id node_id node_id weight
1 1 4 0.8
1 4 1 1
1 1 5 0.8
1 5 1 1
1 4 5 1
1 5 4 1
2 1 2 0.8
2 2 1 1
2 1 3 0.8
2 3 1 1
2 2 3 1
2 3 2 1
*Inter
# layer_id node_id layer_id weight
1 1 2 0.4
2 1 1 0.4
`},{key:"bipartite",title:"Bipartite network: *Bipartite 4 (official example)",file:"bipartite.net",format:"pajek",text:`# A bipartite network with node names
# Figure 2
*Vertices 5
1 "Node 1" 
2 "Node 2" 
3 "Node 3" 
4 "Feature 1" 
5 "Feature 2" 
# set bipartite start id to 4
*Bipartite 4
# node_id feature weight
1 4 1 
2 4 1 
2 5 0.25 
3 5 1 `}],ze=[{key:"animals-vehicles",title:"Six toy embeddings: animals and vehicles",format:"csv",text:`label,x,y,z
cat,1,0,0
kitten,0.9,0.1,0
lion,0.95,0.05,0
car,0,1,0
truck,0.1,0.9,0
bus,0,0.95,0.05
`}];function ai(t){let n=+this._x.call(null,t),e=+this._y.call(null,t);return Le(this.cover(n,e),n,e,t)}function Le(t,n,e,r){if(isNaN(n)||isNaN(e))return t;var i,o=t._root,a={data:r},s=t._x0,l=t._y0,c=t._x1,u=t._y1,f,d,h,x,m,w,v,M;if(!o)return t._root=a,t;for(;o.length;)if((m=n>=(f=(s+c)/2))?s=f:c=f,(w=e>=(d=(l+u)/2))?l=d:u=d,i=o,!(o=o[v=w<<1|m]))return i[v]=a,t;if(h=+t._x.call(null,o.data),x=+t._y.call(null,o.data),n===h&&e===x)return a.next=o,i?i[v]=a:t._root=a,t;do i=i?i[v]=new Array(4):t._root=new Array(4),(m=n>=(f=(s+c)/2))?s=f:c=f,(w=e>=(d=(l+u)/2))?l=d:u=d;while((v=w<<1|m)===(M=(x>=d)<<1|h>=f));return i[M]=o,i[v]=a,t}function si(t){Array.isArray(t)||(t=Array.from(t));let n=t.length,e=new Float64Array(n),r=new Float64Array(n),i=1/0,o=i,a=-i,s=a;for(let l=0,c,u,f;l<n;++l){if(isNaN(u=+this._x.call(null,c=t[l]))||isNaN(f=+this._y.call(null,c))){e[l]=NaN;continue}e[l]=u,r[l]=f,u<i&&(i=u),u>a&&(a=u),f<o&&(o=f),f>s&&(s=f)}if(i>a||o>s)return this;this.cover(i,o).cover(a,s);for(let l=0;l<n;++l)Le(this,e[l],r[l],t[l]);return this}function ui(t,n){if(isNaN(t=+t)||isNaN(n=+n))return this;var e=this._x0,r=this._y0,i=this._x1,o=this._y1;if(isNaN(e))i=(e=Math.floor(t))+1,o=(r=Math.floor(n))+1;else{for(var a=i-e||1,s=this._root,l,c;e>t||t>=i||r>n||n>=o;)switch(c=(n<r)<<1|t<e,l=new Array(4),l[c]=s,s=l,a*=2,c){case 0:i=e+a,o=r+a;break;case 1:e=i-a,o=r+a;break;case 2:i=e+a,r=o-a;break;case 3:e=i-a,r=o-a;break}this._root&&this._root.length&&(this._root=s)}return this._x0=e,this._y0=r,this._x1=i,this._y1=o,this}function li(){var t=[];return this.visit(function(n){if(!n.length)do t.push(n.data);while(n=n.next)}),t}function ci(t){return arguments.length?this.cover(+t[0][0],+t[0][1]).cover(+t[1][0],+t[1][1]):isNaN(this._x0)?void 0:[[this._x0,this._y0],[this._x1,this._y1]]}function X(t,n,e,r,i){this.node=t,this.x0=n,this.y0=e,this.x1=r,this.y1=i}function fi(t,n,e){var r,i=this._x0,o=this._y0,a,s,l,c,u=this._x1,f=this._y1,d=[],h=this._root,x,m;for(h&&d.push(new X(h,i,o,u,f)),e==null?e=1/0:(i=t-e,o=n-e,u=t+e,f=n+e,e*=e);x=d.pop();)if(!(!(h=x.node)||(a=x.x0)>u||(s=x.y0)>f||(l=x.x1)<i||(c=x.y1)<o))if(h.length){var w=(a+l)/2,v=(s+c)/2;d.push(new X(h[3],w,v,l,c),new X(h[2],a,v,w,c),new X(h[1],w,s,l,v),new X(h[0],a,s,w,v)),(m=(n>=v)<<1|t>=w)&&(x=d[d.length-1],d[d.length-1]=d[d.length-1-m],d[d.length-1-m]=x)}else{var M=t-+this._x.call(null,h.data),T=n-+this._y.call(null,h.data),A=M*M+T*T;if(A<e){var I=Math.sqrt(e=A);i=t-I,o=n-I,u=t+I,f=n+I,r=h.data}}return r}function hi(t){if(isNaN(u=+this._x.call(null,t))||isNaN(f=+this._y.call(null,t)))return this;var n,e=this._root,r,i,o,a=this._x0,s=this._y0,l=this._x1,c=this._y1,u,f,d,h,x,m,w,v;if(!e)return this;if(e.length)for(;;){if((x=u>=(d=(a+l)/2))?a=d:l=d,(m=f>=(h=(s+c)/2))?s=h:c=h,n=e,!(e=e[w=m<<1|x]))return this;if(!e.length)break;(n[w+1&3]||n[w+2&3]||n[w+3&3])&&(r=n,v=w)}for(;e.data!==t;)if(i=e,!(e=e.next))return this;return(o=e.next)&&delete e.next,i?(o?i.next=o:delete i.next,this):n?(o?n[w]=o:delete n[w],(e=n[0]||n[1]||n[2]||n[3])&&e===(n[3]||n[2]||n[1]||n[0])&&!e.length&&(r?r[v]=e:this._root=e),this):(this._root=o,this)}function di(t){for(var n=0,e=t.length;n<e;++n)this.remove(t[n]);return this}function pi(){return this._root}function mi(){var t=0;return this.visit(function(n){if(!n.length)do++t;while(n=n.next)}),t}function gi(t){var n=[],e,r=this._root,i,o,a,s,l;for(r&&n.push(new X(r,this._x0,this._y0,this._x1,this._y1));e=n.pop();)if(!t(r=e.node,o=e.x0,a=e.y0,s=e.x1,l=e.y1)&&r.length){var c=(o+s)/2,u=(a+l)/2;(i=r[3])&&n.push(new X(i,c,u,s,l)),(i=r[2])&&n.push(new X(i,o,u,c,l)),(i=r[1])&&n.push(new X(i,c,a,s,u)),(i=r[0])&&n.push(new X(i,o,a,c,u))}return this}function yi(t){var n=[],e=[],r;for(this._root&&n.push(new X(this._root,this._x0,this._y0,this._x1,this._y1));r=n.pop();){var i=r.node;if(i.length){var o,a=r.x0,s=r.y0,l=r.x1,c=r.y1,u=(a+l)/2,f=(s+c)/2;(o=i[0])&&n.push(new X(o,a,s,u,f)),(o=i[1])&&n.push(new X(o,u,s,l,f)),(o=i[2])&&n.push(new X(o,a,f,u,c)),(o=i[3])&&n.push(new X(o,u,f,l,c))}e.push(r)}for(;r=e.pop();)t(r.node,r.x0,r.y0,r.x1,r.y1);return this}function vi(t){return t[0]}function wi(t){return arguments.length?(this._x=t,this):this._x}function xi(t){return t[1]}function _i(t){return arguments.length?(this._y=t,this):this._y}function on(t,n,e){var r=new Vn(n??vi,e??xi,NaN,NaN,NaN,NaN);return t==null?r:r.addAll(t)}function Vn(t,n,e,r,i,o){this._x=t,this._y=n,this._x0=e,this._y0=r,this._x1=i,this._y1=o,this._root=void 0}function Oe(t){for(var n={data:t.data},e=n;t=t.next;)e=e.next={data:t.data};return n}var j=on.prototype=Vn.prototype;j.copy=function(){var t=new Vn(this._x,this._y,this._x0,this._y0,this._x1,this._y1),n=this._root,e,r;if(!n)return t;if(!n.length)return t._root=Oe(n),t;for(e=[{source:n,target:t._root=new Array(4)}];n=e.pop();)for(var i=0;i<4;++i)(r=n.source[i])&&(r.length?e.push({source:r,target:n.target[i]=new Array(4)}):n.target[i]=Oe(r));return t};j.add=ai;j.addAll=si;j.cover=ui;j.data=li;j.extent=ci;j.find=fi;j.remove=hi;j.removeAll=di;j.root=pi;j.size=mi;j.visit=gi;j.visitAfter=yi;j.x=wi;j.y=_i;var bi={value:()=>{}};function xt(){for(var t=0,n=arguments.length,e={},r;t<n;++t){if(!(r=arguments[t]+"")||r in e||/[\s.]/.test(r))throw new Error("illegal type: "+r);e[r]=[]}return new an(e)}function an(t){this._=t}function ki(t,n){return t.trim().split(/^|\s+/).map(function(e){var r="",i=e.indexOf(".");if(i>=0&&(r=e.slice(i+1),e=e.slice(0,i)),e&&!n.hasOwnProperty(e))throw new Error("unknown type: "+e);return{type:e,name:r}})}an.prototype=xt.prototype={constructor:an,on:function(t,n){var e=this._,r=ki(t+"",e),i,o=-1,a=r.length;if(arguments.length<2){for(;++o<a;)if((i=(t=r[o]).type)&&(i=Mi(e[i],t.name)))return i;return}if(n!=null&&typeof n!="function")throw new Error("invalid callback: "+n);for(;++o<a;)if(i=(t=r[o]).type)e[i]=Re(e[i],t.name,n);else if(n==null)for(i in e)e[i]=Re(e[i],t.name,null);return this},copy:function(){var t={},n=this._;for(var e in n)t[e]=n[e].slice();return new an(t)},call:function(t,n){if((i=arguments.length-2)>0)for(var e=new Array(i),r=0,i,o;r<i;++r)e[r]=arguments[r+2];if(!this._.hasOwnProperty(t))throw new Error("unknown type: "+t);for(o=this._[t],r=0,i=o.length;r<i;++r)o[r].value.apply(n,e)},apply:function(t,n,e){if(!this._.hasOwnProperty(t))throw new Error("unknown type: "+t);for(var r=this._[t],i=0,o=r.length;i<o;++i)r[i].value.apply(n,e)}};function Mi(t,n){for(var e=0,r=t.length,i;e<r;++e)if((i=t[e]).name===n)return i.value}function Re(t,n,e){for(var r=0,i=t.length;r<i;++r)if(t[r].name===n){t[r]=bi,t=t.slice(0,r).concat(t.slice(r+1));break}return e!=null&&t.push({name:n,value:e}),t}var It=0,Vt=0,Bt=0,De=1e3,sn,qt,un=0,_t=0,cn=0,Xt=typeof performance=="object"&&performance.now?performance:Date,Fe=typeof window=="object"&&window.requestAnimationFrame?window.requestAnimationFrame.bind(window):function(t){setTimeout(t,17)};function fn(){return _t||(Fe($i),_t=Xt.now()+cn)}function $i(){_t=0}function ln(){this._call=this._time=this._next=null}ln.prototype=jt.prototype={constructor:ln,restart:function(t,n,e){if(typeof t!="function")throw new TypeError("callback is not a function");e=(e==null?fn():+e)+(n==null?0:+n),!this._next&&qt!==this&&(qt?qt._next=this:sn=this,qt=this),this._call=t,this._time=e,qn()},stop:function(){this._call&&(this._call=null,this._time=1/0,qn())}};function jt(t,n,e){var r=new ln;return r.restart(t,n,e),r}function Ni(){fn(),++It;for(var t=sn,n;t;)(n=_t-t._time)>=0&&t._call.call(void 0,n),t=t._next;--It}function Pe(){_t=(un=Xt.now())+cn,It=Vt=0;try{Ni()}finally{It=0,Ei(),_t=0}}function Ai(){var t=Xt.now(),n=t-un;n>De&&(cn-=n,un=t)}function Ei(){for(var t,n=sn,e,r=1/0;n;)n._call?(r>n._time&&(r=n._time),t=n,n=n._next):(e=n._next,n._next=null,n=t?t._next=e:sn=e);qt=t,qn(r)}function qn(t){if(!It){Vt&&(Vt=clearTimeout(Vt));var n=t-_t;n>24?(t<1/0&&(Vt=setTimeout(Pe,Math.ceil(t-Xt.now()-cn)+1)),Bt&&(Bt=clearInterval(Bt))):(Bt||(un=Xt.now(),Bt=setInterval(Ai,De)),It=1,Fe(Pe))}}function Xn(t,n,e){var r=new ln;return n=n==null?0:+n,r.restart(i=>{r.stop(),t(i+n)},n,e),r}function H(t){return function(){return t}}function mt(t){return(t()-.5)*1e-6}function Si(t){return t.x+t.vx}function Ti(t){return t.y+t.vy}function qe(t){var n,e,r,i=1,o=1;typeof t!="function"&&(t=H(t==null?1:+t));function a(){for(var c,u=n.length,f,d,h,x,m,w,v=0;v<o;++v)for(f=on(n,Si,Ti).visitAfter(s),c=0;c<u;++c)d=n[c],m=e[d.index],w=m*m,h=d.x+d.vx,x=d.y+d.vy,f.visit(M);function M(T,A,I,O,P){var L=T.data,F=T.r,R=m+F;if(L){if(L.index>d.index){var Y=h-L.x-L.vx,B=x-L.y-L.vy,G=Y*Y+B*B;G<R*R&&(Y===0&&(Y=mt(r),G+=Y*Y),B===0&&(B=mt(r),G+=B*B),G=(R-(G=Math.sqrt(G)))/G*i,d.vx+=(Y*=G)*(R=(F*=F)/(w+F)),d.vy+=(B*=G)*R,L.vx-=Y*(R=1-R),L.vy-=B*R)}return}return A>h+R||O<h-R||I>x+R||P<x-R}}function s(c){if(c.data)return c.r=e[c.data.index];for(var u=c.r=0;u<4;++u)c[u]&&c[u].r>c.r&&(c.r=c[u].r)}function l(){if(n){var c,u=n.length,f;for(e=new Array(u),c=0;c<u;++c)f=n[c],e[f.index]=+t(f,c,n)}}return a.initialize=function(c,u){n=c,r=u,l()},a.iterations=function(c){return arguments.length?(o=+c,a):o},a.strength=function(c){return arguments.length?(i=+c,a):i},a.radius=function(c){return arguments.length?(t=typeof c=="function"?c:H(+c),l(),a):t},a}function Ci(t){return t.index}function Be(t,n){var e=t.get(n);if(!e)throw new Error("node not found: "+n);return e}function Xe(t){var n=Ci,e=f,r,i=H(30),o,a,s,l,c,u=1;t==null&&(t=[]);function f(w){return 1/Math.min(s[w.source.index],s[w.target.index])}function d(w){for(var v=0,M=t.length;v<u;++v)for(var T=0,A,I,O,P,L,F,R;T<M;++T)A=t[T],I=A.source,O=A.target,P=O.x+O.vx-I.x-I.vx||mt(c),L=O.y+O.vy-I.y-I.vy||mt(c),F=Math.sqrt(P*P+L*L),F=(F-o[T])/F*w*r[T],P*=F,L*=F,O.vx-=P*(R=l[T]),O.vy-=L*R,I.vx+=P*(R=1-R),I.vy+=L*R}function h(){if(a){var w,v=a.length,M=t.length,T=new Map(a.map((I,O)=>[n(I,O,a),I])),A;for(w=0,s=new Array(v);w<M;++w)A=t[w],A.index=w,typeof A.source!="object"&&(A.source=Be(T,A.source)),typeof A.target!="object"&&(A.target=Be(T,A.target)),s[A.source.index]=(s[A.source.index]||0)+1,s[A.target.index]=(s[A.target.index]||0)+1;for(w=0,l=new Array(M);w<M;++w)A=t[w],l[w]=s[A.source.index]/(s[A.source.index]+s[A.target.index]);r=new Array(M),x(),o=new Array(M),m()}}function x(){if(a)for(var w=0,v=t.length;w<v;++w)r[w]=+e(t[w],w,t)}function m(){if(a)for(var w=0,v=t.length;w<v;++w)o[w]=+i(t[w],w,t)}return d.initialize=function(w,v){a=w,c=v,h()},d.links=function(w){return arguments.length?(t=w,h(),d):t},d.id=function(w){return arguments.length?(n=w,d):n},d.iterations=function(w){return arguments.length?(u=+w,d):u},d.strength=function(w){return arguments.length?(e=typeof w=="function"?w:H(+w),x(),d):e},d.distance=function(w){return arguments.length?(i=typeof w=="function"?w:H(+w),m(),d):i},d}var Ii=1664525,zi=1013904223,Ve=4294967296;function Oi(){let t=1;return()=>(t=(Ii*t+zi)%Ve)/Ve}function Li(t){return t.x}function Ri(t){return t.y}var Pi=10,Di=Math.PI*(3-Math.sqrt(5));function je(t){var n,e=1,r=.001,i=1-Math.pow(r,1/300),o=0,a=.6,s=new Map,l=jt(f),c=xt("tick","end"),u=Oi();t==null&&(t=[]);function f(){d(),c.call("tick",n),e<r&&(l.stop(),c.call("end",n))}function d(m){var w,v=t.length,M;m===void 0&&(m=1);for(var T=0;T<m;++T)for(e+=(o-e)*i,s.forEach(function(A){A(e)}),w=0;w<v;++w)M=t[w],M.fx==null?M.x+=M.vx*=a:(M.x=M.fx,M.vx=0),M.fy==null?M.y+=M.vy*=a:(M.y=M.fy,M.vy=0);return n}function h(){for(var m=0,w=t.length,v;m<w;++m){if(v=t[m],v.index=m,v.fx!=null&&(v.x=v.fx),v.fy!=null&&(v.y=v.fy),isNaN(v.x)||isNaN(v.y)){var M=Pi*Math.sqrt(.5+m),T=m*Di;v.x=M*Math.cos(T),v.y=M*Math.sin(T)}(isNaN(v.vx)||isNaN(v.vy))&&(v.vx=v.vy=0)}}function x(m){return m.initialize&&m.initialize(t,u),m}return h(),n={tick:d,restart:function(){return l.restart(f),n},stop:function(){return l.stop(),n},nodes:function(m){return arguments.length?(t=m,h(),s.forEach(x),n):t},alpha:function(m){return arguments.length?(e=+m,n):e},alphaMin:function(m){return arguments.length?(r=+m,n):r},alphaDecay:function(m){return arguments.length?(i=+m,n):+i},alphaTarget:function(m){return arguments.length?(o=+m,n):o},velocityDecay:function(m){return arguments.length?(a=1-m,n):1-a},randomSource:function(m){return arguments.length?(u=m,s.forEach(x),n):u},force:function(m,w){return arguments.length>1?(w==null?s.delete(m):s.set(m,x(w)),n):s.get(m)},find:function(m,w,v){var M=0,T=t.length,A,I,O,P,L;for(v==null?v=1/0:v*=v,M=0;M<T;++M)P=t[M],A=m-P.x,I=w-P.y,O=A*A+I*I,O<v&&(L=P,v=O);return L},on:function(m,w){return arguments.length>1?(c.on(m,w),n):c.on(m)}}}function He(){var t,n,e,r,i=H(-30),o,a=1,s=1/0,l=.81;function c(h){var x,m=t.length,w=on(t,Li,Ri).visitAfter(f);for(r=h,x=0;x<m;++x)n=t[x],w.visit(d)}function u(){if(t){var h,x=t.length,m;for(o=new Array(x),h=0;h<x;++h)m=t[h],o[m.index]=+i(m,h,t)}}function f(h){var x=0,m,w,v=0,M,T,A;if(h.length){for(M=T=A=0;A<4;++A)(m=h[A])&&(w=Math.abs(m.value))&&(x+=m.value,v+=w,M+=w*m.x,T+=w*m.y);h.x=M/v,h.y=T/v}else{m=h,m.x=m.data.x,m.y=m.data.y;do x+=o[m.data.index];while(m=m.next)}h.value=x}function d(h,x,m,w){if(!h.value)return!0;var v=h.x-n.x,M=h.y-n.y,T=w-x,A=v*v+M*M;if(T*T/l<A)return A<s&&(v===0&&(v=mt(e),A+=v*v),M===0&&(M=mt(e),A+=M*M),A<a&&(A=Math.sqrt(a*A)),n.vx+=v*h.value*r/A,n.vy+=M*h.value*r/A),!0;if(h.length||A>=s)return;(h.data!==n||h.next)&&(v===0&&(v=mt(e),A+=v*v),M===0&&(M=mt(e),A+=M*M),A<a&&(A=Math.sqrt(a*A)));do h.data!==n&&(T=o[h.data.index]*r/A,n.vx+=v*T,n.vy+=M*T);while(h=h.next)}return c.initialize=function(h,x){t=h,e=x,u()},c.strength=function(h){return arguments.length?(i=typeof h=="function"?h:H(+h),u(),c):i},c.distanceMin=function(h){return arguments.length?(a=h*h,c):Math.sqrt(a)},c.distanceMax=function(h){return arguments.length?(s=h*h,c):Math.sqrt(s)},c.theta=function(h){return arguments.length?(l=h*h,c):Math.sqrt(l)},c}function Ye(t){var n=H(.1),e,r,i;typeof t!="function"&&(t=H(t==null?0:+t));function o(s){for(var l=0,c=e.length,u;l<c;++l)u=e[l],u.vx+=(i[l]-u.x)*r[l]*s}function a(){if(e){var s,l=e.length;for(r=new Array(l),i=new Array(l),s=0;s<l;++s)r[s]=isNaN(i[s]=+t(e[s],s,e))?0:+n(e[s],s,e)}}return o.initialize=function(s){e=s,a()},o.strength=function(s){return arguments.length?(n=typeof s=="function"?s:H(+s),a(),o):n},o.x=function(s){return arguments.length?(t=typeof s=="function"?s:H(+s),a(),o):t},o}function Ge(t){var n=H(.1),e,r,i;typeof t!="function"&&(t=H(t==null?0:+t));function o(s){for(var l=0,c=e.length,u;l<c;++l)u=e[l],u.vy+=(i[l]-u.y)*r[l]*s}function a(){if(e){var s,l=e.length;for(r=new Array(l),i=new Array(l),s=0;s<l;++s)r[s]=isNaN(i[s]=+t(e[s],s,e))?0:+n(e[s],s,e)}}return o.initialize=function(s){e=s,a()},o.strength=function(s){return arguments.length?(n=typeof s=="function"?s:H(+s),a(),o):n},o.y=function(s){return arguments.length?(t=typeof s=="function"?s:H(+s),a(),o):t},o}var jn="http://www.w3.org/1999/xhtml",We={svg:"http://www.w3.org/2000/svg",xhtml:jn,xlink:"http://www.w3.org/1999/xlink",xml:"http://www.w3.org/XML/1998/namespace",xmlns:"http://www.w3.org/2000/xmlns/"};function Ht(t){var n=t+="",e=n.indexOf(":");return e>=0&&(n=t.slice(0,e))!=="xmlns"&&(t=t.slice(e+1)),We.hasOwnProperty(n)?{space:We[n],local:t}:t}function Fi(t){return function(){var n=this.ownerDocument,e=this.namespaceURI;return e===jn&&n.documentElement.namespaceURI===jn?n.createElement(t):n.createElementNS(e,t)}}function Bi(t){return function(){return this.ownerDocument.createElementNS(t.space,t.local)}}function Je(t){var n=Ht(t);return(n.local?Bi:Fi)(n)}function Vi(){}function dn(t){return t==null?Vi:function(){return this.querySelector(t)}}function qi(t){typeof t!="function"&&(t=dn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=new Array(a),l,c,u=0;u<a;++u)(l=o[u])&&(c=t.call(l,l.__data__,u,o))&&("__data__"in l&&(c.__data__=l.__data__),s[u]=c);return new U(r,this._parents)}function Xi(t){return t==null?[]:Array.isArray(t)?t:Array.from(t)}function ji(){return[]}function Yn(t){return t==null?ji:function(){return this.querySelectorAll(t)}}function Hi(t){return function(){return Xi(t.apply(this,arguments))}}function Yi(t){typeof t=="function"?t=Hi(t):t=Yn(t);for(var n=this._groups,e=n.length,r=[],i=[],o=0;o<e;++o)for(var a=n[o],s=a.length,l,c=0;c<s;++c)(l=a[c])&&(r.push(t.call(l,l.__data__,c,a)),i.push(l));return new U(r,i)}function Gn(t){return function(){return this.matches(t)}}function Ke(t){return function(n){return n.matches(t)}}var Gi=Array.prototype.find;function Wi(t){return function(){return Gi.call(this.children,t)}}function Ji(){return this.firstElementChild}function Ki(t){return this.select(t==null?Ji:Wi(typeof t=="function"?t:Ke(t)))}var Ui=Array.prototype.filter;function Zi(){return Array.from(this.children)}function Qi(t){return function(){return Ui.call(this.children,t)}}function to(t){return this.selectAll(t==null?Zi:Qi(typeof t=="function"?t:Ke(t)))}function no(t){typeof t!="function"&&(t=Gn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=[],l,c=0;c<a;++c)(l=o[c])&&t.call(l,l.__data__,c,o)&&s.push(l);return new U(r,this._parents)}function Ue(t){return new Array(t.length)}function eo(){return new U(this._enter||this._groups.map(Ue),this._parents)}function hn(t,n){this.ownerDocument=t.ownerDocument,this.namespaceURI=t.namespaceURI,this._next=null,this._parent=t,this.__data__=n}hn.prototype={constructor:hn,appendChild:function(t){return this._parent.insertBefore(t,this._next)},insertBefore:function(t,n){return this._parent.insertBefore(t,n)},querySelector:function(t){return this._parent.querySelector(t)},querySelectorAll:function(t){return this._parent.querySelectorAll(t)}};function ro(t){return function(){return t}}function io(t,n,e,r,i,o){for(var a=0,s,l=n.length,c=o.length;a<c;++a)(s=n[a])?(s.__data__=o[a],r[a]=s):e[a]=new hn(t,o[a]);for(;a<l;++a)(s=n[a])&&(i[a]=s)}function oo(t,n,e,r,i,o,a){var s,l,c=new Map,u=n.length,f=o.length,d=new Array(u),h;for(s=0;s<u;++s)(l=n[s])&&(d[s]=h=a.call(l,l.__data__,s,n)+"",c.has(h)?i[s]=l:c.set(h,l));for(s=0;s<f;++s)h=a.call(t,o[s],s,o)+"",(l=c.get(h))?(r[s]=l,l.__data__=o[s],c.delete(h)):e[s]=new hn(t,o[s]);for(s=0;s<u;++s)(l=n[s])&&c.get(d[s])===l&&(i[s]=l)}function ao(t){return t.__data__}function so(t,n){if(!arguments.length)return Array.from(this,ao);var e=n?oo:io,r=this._parents,i=this._groups;typeof t!="function"&&(t=ro(t));for(var o=i.length,a=new Array(o),s=new Array(o),l=new Array(o),c=0;c<o;++c){var u=r[c],f=i[c],d=f.length,h=uo(t.call(u,u&&u.__data__,c,r)),x=h.length,m=s[c]=new Array(x),w=a[c]=new Array(x),v=l[c]=new Array(d);e(u,f,m,w,v,h,n);for(var M=0,T=0,A,I;M<x;++M)if(A=m[M]){for(M>=T&&(T=M+1);!(I=w[T])&&++T<x;);A._next=I||null}}return a=new U(a,r),a._enter=s,a._exit=l,a}function uo(t){return typeof t=="object"&&"length"in t?t:Array.from(t)}function lo(){return new U(this._exit||this._groups.map(Ue),this._parents)}function co(t,n,e){var r=this.enter(),i=this,o=this.exit();return typeof t=="function"?(r=t(r),r&&(r=r.selection())):r=r.append(t+""),n!=null&&(i=n(i),i&&(i=i.selection())),e==null?o.remove():e(o),r&&i?r.merge(i).order():i}function fo(t){for(var n=t.selection?t.selection():t,e=this._groups,r=n._groups,i=e.length,o=r.length,a=Math.min(i,o),s=new Array(i),l=0;l<a;++l)for(var c=e[l],u=r[l],f=c.length,d=s[l]=new Array(f),h,x=0;x<f;++x)(h=c[x]||u[x])&&(d[x]=h);for(;l<i;++l)s[l]=e[l];return new U(s,this._parents)}function ho(){for(var t=this._groups,n=-1,e=t.length;++n<e;)for(var r=t[n],i=r.length-1,o=r[i],a;--i>=0;)(a=r[i])&&(o&&a.compareDocumentPosition(o)^4&&o.parentNode.insertBefore(a,o),o=a);return this}function po(t){t||(t=mo);function n(f,d){return f&&d?t(f.__data__,d.__data__):!f-!d}for(var e=this._groups,r=e.length,i=new Array(r),o=0;o<r;++o){for(var a=e[o],s=a.length,l=i[o]=new Array(s),c,u=0;u<s;++u)(c=a[u])&&(l[u]=c);l.sort(n)}return new U(i,this._parents).order()}function mo(t,n){return t<n?-1:t>n?1:t>=n?0:NaN}function go(){var t=arguments[0];return arguments[0]=this,t.apply(null,arguments),this}function yo(){return Array.from(this)}function vo(){for(var t=this._groups,n=0,e=t.length;n<e;++n)for(var r=t[n],i=0,o=r.length;i<o;++i){var a=r[i];if(a)return a}return null}function wo(){let t=0;for(let n of this)++t;return t}function xo(){return!this.node()}function _o(t){for(var n=this._groups,e=0,r=n.length;e<r;++e)for(var i=n[e],o=0,a=i.length,s;o<a;++o)(s=i[o])&&t.call(s,s.__data__,o,i);return this}function bo(t){return function(){this.removeAttribute(t)}}function ko(t){return function(){this.removeAttributeNS(t.space,t.local)}}function Mo(t,n){return function(){this.setAttribute(t,n)}}function $o(t,n){return function(){this.setAttributeNS(t.space,t.local,n)}}function No(t,n){return function(){var e=n.apply(this,arguments);e==null?this.removeAttribute(t):this.setAttribute(t,e)}}function Ao(t,n){return function(){var e=n.apply(this,arguments);e==null?this.removeAttributeNS(t.space,t.local):this.setAttributeNS(t.space,t.local,e)}}function Eo(t,n){var e=Ht(t);if(arguments.length<2){var r=this.node();return e.local?r.getAttributeNS(e.space,e.local):r.getAttribute(e)}return this.each((n==null?e.local?ko:bo:typeof n=="function"?e.local?Ao:No:e.local?$o:Mo)(e,n))}function Ze(t){return t.ownerDocument&&t.ownerDocument.defaultView||t.document&&t||t.defaultView}function So(t){return function(){this.style.removeProperty(t)}}function To(t,n,e){return function(){this.style.setProperty(t,n,e)}}function Co(t,n,e){return function(){var r=n.apply(this,arguments);r==null?this.style.removeProperty(t):this.style.setProperty(t,r,e)}}function Io(t,n,e){return arguments.length>1?this.each((n==null?So:typeof n=="function"?Co:To)(t,n,e??"")):bt(this.node(),t)}function bt(t,n){return t.style.getPropertyValue(n)||Ze(t).getComputedStyle(t,null).getPropertyValue(n)}function zo(t){return function(){delete this[t]}}function Oo(t,n){return function(){this[t]=n}}function Lo(t,n){return function(){var e=n.apply(this,arguments);e==null?delete this[t]:this[t]=e}}function Ro(t,n){return arguments.length>1?this.each((n==null?zo:typeof n=="function"?Lo:Oo)(t,n)):this.node()[t]}function Qe(t){return t.trim().split(/^|\s+/)}function Wn(t){return t.classList||new tr(t)}function tr(t){this._node=t,this._names=Qe(t.getAttribute("class")||"")}tr.prototype={add:function(t){var n=this._names.indexOf(t);n<0&&(this._names.push(t),this._node.setAttribute("class",this._names.join(" ")))},remove:function(t){var n=this._names.indexOf(t);n>=0&&(this._names.splice(n,1),this._node.setAttribute("class",this._names.join(" ")))},contains:function(t){return this._names.indexOf(t)>=0}};function nr(t,n){for(var e=Wn(t),r=-1,i=n.length;++r<i;)e.add(n[r])}function er(t,n){for(var e=Wn(t),r=-1,i=n.length;++r<i;)e.remove(n[r])}function Po(t){return function(){nr(this,t)}}function Do(t){return function(){er(this,t)}}function Fo(t,n){return function(){(n.apply(this,arguments)?nr:er)(this,t)}}function Bo(t,n){var e=Qe(t+"");if(arguments.length<2){for(var r=Wn(this.node()),i=-1,o=e.length;++i<o;)if(!r.contains(e[i]))return!1;return!0}return this.each((typeof n=="function"?Fo:n?Po:Do)(e,n))}function Vo(){this.textContent=""}function qo(t){return function(){this.textContent=t}}function Xo(t){return function(){var n=t.apply(this,arguments);this.textContent=n??""}}function jo(t){return arguments.length?this.each(t==null?Vo:(typeof t=="function"?Xo:qo)(t)):this.node().textContent}function Ho(){this.innerHTML=""}function Yo(t){return function(){this.innerHTML=t}}function Go(t){return function(){var n=t.apply(this,arguments);this.innerHTML=n??""}}function Wo(t){return arguments.length?this.each(t==null?Ho:(typeof t=="function"?Go:Yo)(t)):this.node().innerHTML}function Jo(){this.nextSibling&&this.parentNode.appendChild(this)}function Ko(){return this.each(Jo)}function Uo(){this.previousSibling&&this.parentNode.insertBefore(this,this.parentNode.firstChild)}function Zo(){return this.each(Uo)}function Qo(t){var n=typeof t=="function"?t:Je(t);return this.select(function(){return this.appendChild(n.apply(this,arguments))})}function ta(){return null}function na(t,n){var e=typeof t=="function"?t:Je(t),r=n==null?ta:typeof n=="function"?n:dn(n);return this.select(function(){return this.insertBefore(e.apply(this,arguments),r.apply(this,arguments)||null)})}function ea(){var t=this.parentNode;t&&t.removeChild(this)}function ra(){return this.each(ea)}function ia(){var t=this.cloneNode(!1),n=this.parentNode;return n?n.insertBefore(t,this.nextSibling):t}function oa(){var t=this.cloneNode(!0),n=this.parentNode;return n?n.insertBefore(t,this.nextSibling):t}function aa(t){return this.select(t?oa:ia)}function sa(t){return arguments.length?this.property("__data__",t):this.node().__data__}function ua(t){return function(n){t.call(this,n,this.__data__)}}function la(t){return t.trim().split(/^|\s+/).map(function(n){var e="",r=n.indexOf(".");return r>=0&&(e=n.slice(r+1),n=n.slice(0,r)),{type:n,name:e}})}function ca(t){return function(){var n=this.__on;if(n){for(var e=0,r=-1,i=n.length,o;e<i;++e)o=n[e],(!t.type||o.type===t.type)&&o.name===t.name?this.removeEventListener(o.type,o.listener,o.options):n[++r]=o;++r?n.length=r:delete this.__on}}}function fa(t,n,e){return function(){var r=this.__on,i,o=ua(n);if(r){for(var a=0,s=r.length;a<s;++a)if((i=r[a]).type===t.type&&i.name===t.name){this.removeEventListener(i.type,i.listener,i.options),this.addEventListener(i.type,i.listener=o,i.options=e),i.value=n;return}}this.addEventListener(t.type,o,e),i={type:t.type,name:t.name,value:n,listener:o,options:e},r?r.push(i):this.__on=[i]}}function ha(t,n,e){var r=la(t+""),i,o=r.length,a;if(arguments.length<2){var s=this.node().__on;if(s){for(var l=0,c=s.length,u;l<c;++l)for(i=0,u=s[l];i<o;++i)if((a=r[i]).type===u.type&&a.name===u.name)return u.value}return}for(s=n?fa:ca,i=0;i<o;++i)this.each(s(r[i],n,e));return this}function rr(t,n,e){var r=Ze(t),i=r.CustomEvent;typeof i=="function"?i=new i(n,e):(i=r.document.createEvent("Event"),e?(i.initEvent(n,e.bubbles,e.cancelable),i.detail=e.detail):i.initEvent(n,!1,!1)),t.dispatchEvent(i)}function da(t,n){return function(){return rr(this,t,n)}}function pa(t,n){return function(){return rr(this,t,n.apply(this,arguments))}}function ma(t,n){return this.each((typeof n=="function"?pa:da)(t,n))}function*ga(){for(var t=this._groups,n=0,e=t.length;n<e;++n)for(var r=t[n],i=0,o=r.length,a;i<o;++i)(a=r[i])&&(yield a)}var ir=[null];function U(t,n){this._groups=t,this._parents=n}function kt(){return new U([[document.documentElement]],ir)}function ya(){return this}U.prototype=kt.prototype={constructor:U,select:qi,selectAll:Yi,selectChild:Ki,selectChildren:to,filter:no,data:so,enter:eo,exit:lo,join:co,merge:fo,selection:ya,order:ho,sort:po,call:go,nodes:yo,node:vo,size:wo,empty:xo,each:_o,attr:Eo,style:Io,property:Ro,classed:Bo,text:jo,html:Wo,raise:Ko,lower:Zo,append:Qo,insert:na,remove:ra,clone:aa,datum:sa,on:ha,dispatch:ma,[Symbol.iterator]:ga};function Z(t){return typeof t=="string"?new U([[document.querySelector(t)]],[document.documentElement]):new U([[t]],ir)}var va=0;function wa(){return new Hn}function Hn(){this._="@"+(++va).toString(36)}Hn.prototype=wa.prototype={constructor:Hn,get:function(t){for(var n=this._;!(n in t);)if(!(t=t.parentNode))return;return t[n]},set:function(t,n){return t[this._]=n},remove:function(t){return this._ in t&&delete t[this._]},toString:function(){return this._}};function xa(t){let n;for(;n=t.sourceEvent;)t=n;return t}function ut(t,n){if(t=xa(t),n===void 0&&(n=t.currentTarget),n){var e=n.ownerSVGElement||n;if(e.createSVGPoint){var r=e.createSVGPoint();return r.x=t.clientX,r.y=t.clientY,r=r.matrixTransform(n.getScreenCTM().inverse()),[r.x,r.y]}if(n.getBoundingClientRect){var i=n.getBoundingClientRect();return[t.clientX-i.left-n.clientLeft,t.clientY-i.top-n.clientTop]}}return[t.pageX,t.pageY]}var Jn={capture:!0,passive:!1};function Kn(t){t.preventDefault(),t.stopImmediatePropagation()}function or(t){var n=t.document.documentElement,e=Z(t).on("dragstart.drag",Kn,Jn);"onselectstart"in n?e.on("selectstart.drag",Kn,Jn):(n.__noselect=n.style.MozUserSelect,n.style.MozUserSelect="none")}function ar(t,n){var e=t.document.documentElement,r=Z(t).on("dragstart.drag",null);n&&(r.on("click.drag",Kn,Jn),setTimeout(function(){r.on("click.drag",null)},0)),"onselectstart"in e?r.on("selectstart.drag",null):(e.style.MozUserSelect=e.__noselect,delete e.__noselect)}function _a(t,{sourceEvent:n,subject:e,target:r,identifier:i,active:o,x:a,y:s,dx:l,dy:c,dispatch:u}){Object.defineProperties(this,{type:{value:t,enumerable:!0,configurable:!0},sourceEvent:{value:n,enumerable:!0,configurable:!0},subject:{value:e,enumerable:!0,configurable:!0},target:{value:r,enumerable:!0,configurable:!0},identifier:{value:i,enumerable:!0,configurable:!0},active:{value:o,enumerable:!0,configurable:!0},x:{value:a,enumerable:!0,configurable:!0},y:{value:s,enumerable:!0,configurable:!0},dx:{value:l,enumerable:!0,configurable:!0},dy:{value:c,enumerable:!0,configurable:!0},_:{value:u}})}_a.prototype.on=function(){var t=this._.on.apply(this._,arguments);return t===this._?this:t};function Rt(t,n,e){t.prototype=n.prototype=e,e.constructor=t}function Wt(t,n){var e=Object.create(t.prototype);for(var r in n)e[r]=n[r];return e}function gt(){}var At=.7,Lt=1/At,zt="\\s*([+-]?\\d+)\\s*",Yt="\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)\\s*",rt="\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)%\\s*",ba=/^#([0-9a-f]{3,8})$/,ka=new RegExp(`^rgb\\(${zt},${zt},${zt}\\)$`),Ma=new RegExp(`^rgb\\(${rt},${rt},${rt}\\)$`),$a=new RegExp(`^rgba\\(${zt},${zt},${zt},${Yt}\\)$`),Na=new RegExp(`^rgba\\(${rt},${rt},${rt},${Yt}\\)$`),Aa=new RegExp(`^hsl\\(${Yt},${rt},${rt}\\)$`),Ea=new RegExp(`^hsla\\(${Yt},${rt},${rt},${Yt}\\)$`),sr={aliceblue:15792383,antiquewhite:16444375,aqua:65535,aquamarine:8388564,azure:15794175,beige:16119260,bisque:16770244,black:0,blanchedalmond:16772045,blue:255,blueviolet:9055202,brown:10824234,burlywood:14596231,cadetblue:6266528,chartreuse:8388352,chocolate:13789470,coral:16744272,cornflowerblue:6591981,cornsilk:16775388,crimson:14423100,cyan:65535,darkblue:139,darkcyan:35723,darkgoldenrod:12092939,darkgray:11119017,darkgreen:25600,darkgrey:11119017,darkkhaki:12433259,darkmagenta:9109643,darkolivegreen:5597999,darkorange:16747520,darkorchid:10040012,darkred:9109504,darksalmon:15308410,darkseagreen:9419919,darkslateblue:4734347,darkslategray:3100495,darkslategrey:3100495,darkturquoise:52945,darkviolet:9699539,deeppink:16716947,deepskyblue:49151,dimgray:6908265,dimgrey:6908265,dodgerblue:2003199,firebrick:11674146,floralwhite:16775920,forestgreen:2263842,fuchsia:16711935,gainsboro:14474460,ghostwhite:16316671,gold:16766720,goldenrod:14329120,gray:8421504,green:32768,greenyellow:11403055,grey:8421504,honeydew:15794160,hotpink:16738740,indianred:13458524,indigo:4915330,ivory:16777200,khaki:15787660,lavender:15132410,lavenderblush:16773365,lawngreen:8190976,lemonchiffon:16775885,lightblue:11393254,lightcoral:15761536,lightcyan:14745599,lightgoldenrodyellow:16448210,lightgray:13882323,lightgreen:9498256,lightgrey:13882323,lightpink:16758465,lightsalmon:16752762,lightseagreen:2142890,lightskyblue:8900346,lightslategray:7833753,lightslategrey:7833753,lightsteelblue:11584734,lightyellow:16777184,lime:65280,limegreen:3329330,linen:16445670,magenta:16711935,maroon:8388608,mediumaquamarine:6737322,mediumblue:205,mediumorchid:12211667,mediumpurple:9662683,mediumseagreen:3978097,mediumslateblue:8087790,mediumspringgreen:64154,mediumturquoise:4772300,mediumvioletred:13047173,midnightblue:1644912,mintcream:16121850,mistyrose:16770273,moccasin:16770229,navajowhite:16768685,navy:128,oldlace:16643558,olive:8421376,olivedrab:7048739,orange:16753920,orangered:16729344,orchid:14315734,palegoldenrod:15657130,palegreen:10025880,paleturquoise:11529966,palevioletred:14381203,papayawhip:16773077,peachpuff:16767673,peru:13468991,pink:16761035,plum:14524637,powderblue:11591910,purple:8388736,rebeccapurple:6697881,red:16711680,rosybrown:12357519,royalblue:4286945,saddlebrown:9127187,salmon:16416882,sandybrown:16032864,seagreen:3050327,seashell:16774638,sienna:10506797,silver:12632256,skyblue:8900331,slateblue:6970061,slategray:7372944,slategrey:7372944,snow:16775930,springgreen:65407,steelblue:4620980,tan:13808780,teal:32896,thistle:14204888,tomato:16737095,turquoise:4251856,violet:15631086,wheat:16113331,white:16777215,whitesmoke:16119285,yellow:16776960,yellowgreen:10145074};Rt(gt,Et,{copy(t){return Object.assign(new this.constructor,this,t)},displayable(){return this.rgb().displayable()},hex:ur,formatHex:ur,formatHex8:Sa,formatHsl:Ta,formatRgb:lr,toString:lr});function ur(){return this.rgb().formatHex()}function Sa(){return this.rgb().formatHex8()}function Ta(){return vr(this).formatHsl()}function lr(){return this.rgb().formatRgb()}function Et(t){var n,e;return t=(t+"").trim().toLowerCase(),(n=ba.exec(t))?(e=n[1].length,n=parseInt(n[1],16),e===6?cr(n):e===3?new V(n>>8&15|n>>4&240,n>>4&15|n&240,(n&15)<<4|n&15,1):e===8?pn(n>>24&255,n>>16&255,n>>8&255,(n&255)/255):e===4?pn(n>>12&15|n>>8&240,n>>8&15|n>>4&240,n>>4&15|n&240,((n&15)<<4|n&15)/255):null):(n=ka.exec(t))?new V(n[1],n[2],n[3],1):(n=Ma.exec(t))?new V(n[1]*255/100,n[2]*255/100,n[3]*255/100,1):(n=$a.exec(t))?pn(n[1],n[2],n[3],n[4]):(n=Na.exec(t))?pn(n[1]*255/100,n[2]*255/100,n[3]*255/100,n[4]):(n=Aa.exec(t))?dr(n[1],n[2]/100,n[3]/100,1):(n=Ea.exec(t))?dr(n[1],n[2]/100,n[3]/100,n[4]):sr.hasOwnProperty(t)?cr(sr[t]):t==="transparent"?new V(NaN,NaN,NaN,0):null}function cr(t){return new V(t>>16&255,t>>8&255,t&255,1)}function pn(t,n,e,r){return r<=0&&(t=n=e=NaN),new V(t,n,e,r)}function ee(t){return t instanceof gt||(t=Et(t)),t?(t=t.rgb(),new V(t.r,t.g,t.b,t.opacity)):new V}function Jt(t,n,e,r){return arguments.length===1?ee(t):new V(t,n,e,r??1)}function V(t,n,e,r){this.r=+t,this.g=+n,this.b=+e,this.opacity=+r}Rt(V,Jt,Wt(gt,{brighter(t){return t=t==null?Lt:Math.pow(Lt,t),new V(this.r*t,this.g*t,this.b*t,this.opacity)},darker(t){return t=t==null?At:Math.pow(At,t),new V(this.r*t,this.g*t,this.b*t,this.opacity)},rgb(){return this},clamp(){return new V($t(this.r),$t(this.g),$t(this.b),gn(this.opacity))},displayable(){return-.5<=this.r&&this.r<255.5&&-.5<=this.g&&this.g<255.5&&-.5<=this.b&&this.b<255.5&&0<=this.opacity&&this.opacity<=1},hex:fr,formatHex:fr,formatHex8:Ca,formatRgb:hr,toString:hr}));function fr(){return`#${Mt(this.r)}${Mt(this.g)}${Mt(this.b)}`}function Ca(){return`#${Mt(this.r)}${Mt(this.g)}${Mt(this.b)}${Mt((isNaN(this.opacity)?1:this.opacity)*255)}`}function hr(){let t=gn(this.opacity);return`${t===1?"rgb(":"rgba("}${$t(this.r)}, ${$t(this.g)}, ${$t(this.b)}${t===1?")":`, ${t})`}`}function gn(t){return isNaN(t)?1:Math.max(0,Math.min(1,t))}function $t(t){return Math.max(0,Math.min(255,Math.round(t)||0))}function Mt(t){return t=$t(t),(t<16?"0":"")+t.toString(16)}function dr(t,n,e,r){return r<=0?t=n=e=NaN:e<=0||e>=1?t=n=NaN:n<=0&&(t=NaN),new nt(t,n,e,r)}function vr(t){if(t instanceof nt)return new nt(t.h,t.s,t.l,t.opacity);if(t instanceof gt||(t=Et(t)),!t)return new nt;if(t instanceof nt)return t;t=t.rgb();var n=t.r/255,e=t.g/255,r=t.b/255,i=Math.min(n,e,r),o=Math.max(n,e,r),a=NaN,s=o-i,l=(o+i)/2;return s?(n===o?a=(e-r)/s+(e<r)*6:e===o?a=(r-n)/s+2:a=(n-e)/s+4,s/=l<.5?o+i:2-o-i,a*=60):s=l>0&&l<1?0:a,new nt(a,s,l,t.opacity)}function vn(t,n,e,r){return arguments.length===1?vr(t):new nt(t,n,e,r??1)}function nt(t,n,e,r){this.h=+t,this.s=+n,this.l=+e,this.opacity=+r}Rt(nt,vn,Wt(gt,{brighter(t){return t=t==null?Lt:Math.pow(Lt,t),new nt(this.h,this.s,this.l*t,this.opacity)},darker(t){return t=t==null?At:Math.pow(At,t),new nt(this.h,this.s,this.l*t,this.opacity)},rgb(){var t=this.h%360+(this.h<0)*360,n=isNaN(t)||isNaN(this.s)?0:this.s,e=this.l,r=e+(e<.5?e:1-e)*n,i=2*e-r;return new V(Un(t>=240?t-240:t+120,i,r),Un(t,i,r),Un(t<120?t+240:t-120,i,r),this.opacity)},clamp(){return new nt(pr(this.h),mn(this.s),mn(this.l),gn(this.opacity))},displayable(){return(0<=this.s&&this.s<=1||isNaN(this.s))&&0<=this.l&&this.l<=1&&0<=this.opacity&&this.opacity<=1},formatHsl(){let t=gn(this.opacity);return`${t===1?"hsl(":"hsla("}${pr(this.h)}, ${mn(this.s)*100}%, ${mn(this.l)*100}%${t===1?")":`, ${t})`}`}}));function pr(t){return t=(t||0)%360,t<0?t+360:t}function mn(t){return Math.max(0,Math.min(1,t||0))}function Un(t,n,e){return(t<60?n+(e-n)*t/60:t<180?e:t<240?n+(e-n)*(240-t)/60:n)*255}var wr=Math.PI/180,xr=180/Math.PI,yn=18,_r=.96422,br=1,kr=.82521,Mr=4/29,Ot=6/29,$r=3*Ot*Ot,Ia=Ot*Ot*Ot;function Nr(t){if(t instanceof it)return new it(t.l,t.a,t.b,t.opacity);if(t instanceof lt)return Er(t);t instanceof V||(t=ee(t));var n=ne(t.r),e=ne(t.g),r=ne(t.b),i=Zn((.2225045*n+.7168786*e+.0606169*r)/br),o,a;return n===e&&e===r?o=a=i:(o=Zn((.4360747*n+.3850649*e+.1430804*r)/_r),a=Zn((.0139322*n+.0971045*e+.7141733*r)/kr)),new it(116*i-16,500*(o-i),200*(i-a),t.opacity)}function Ar(t,n,e,r){return arguments.length===1?Nr(t):new it(t,n,e,r??1)}function it(t,n,e,r){this.l=+t,this.a=+n,this.b=+e,this.opacity=+r}Rt(it,Ar,Wt(gt,{brighter(t){return new it(this.l+yn*(t??1),this.a,this.b,this.opacity)},darker(t){return new it(this.l-yn*(t??1),this.a,this.b,this.opacity)},rgb(){var t=(this.l+16)/116,n=isNaN(this.a)?t:t+this.a/500,e=isNaN(this.b)?t:t-this.b/200;return n=_r*Qn(n),t=br*Qn(t),e=kr*Qn(e),new V(te(3.1338561*n-1.6168667*t-.4906146*e),te(-.9787684*n+1.9161415*t+.033454*e),te(.0719453*n-.2289914*t+1.4052427*e),this.opacity)}}));function Zn(t){return t>Ia?Math.pow(t,1/3):t/$r+Mr}function Qn(t){return t>Ot?t*t*t:$r*(t-Mr)}function te(t){return 255*(t<=.0031308?12.92*t:1.055*Math.pow(t,1/2.4)-.055)}function ne(t){return(t/=255)<=.04045?t/12.92:Math.pow((t+.055)/1.055,2.4)}function za(t){if(t instanceof lt)return new lt(t.h,t.c,t.l,t.opacity);if(t instanceof it||(t=Nr(t)),t.a===0&&t.b===0)return new lt(NaN,0<t.l&&t.l<100?0:NaN,t.l,t.opacity);var n=Math.atan2(t.b,t.a)*xr;return new lt(n<0?n+360:n,Math.sqrt(t.a*t.a+t.b*t.b),t.l,t.opacity)}function wn(t,n,e,r){return arguments.length===1?za(t):new lt(t,n,e,r??1)}function lt(t,n,e,r){this.h=+t,this.c=+n,this.l=+e,this.opacity=+r}function Er(t){if(isNaN(t.h))return new it(t.l,0,0,t.opacity);var n=t.h*wr;return new it(t.l,Math.cos(n)*t.c,Math.sin(n)*t.c,t.opacity)}Rt(lt,wn,Wt(gt,{brighter(t){return new lt(this.h,this.c,this.l+yn*(t??1),this.opacity)},darker(t){return new lt(this.h,this.c,this.l-yn*(t??1),this.opacity)},rgb(){return Er(this).rgb()}}));var Sr=-.14861,re=1.78277,ie=-.29227,xn=-.90649,Gt=1.97294,mr=Gt*xn,gr=Gt*re,yr=re*ie-xn*Sr;function Oa(t){if(t instanceof Nt)return new Nt(t.h,t.s,t.l,t.opacity);t instanceof V||(t=ee(t));var n=t.r/255,e=t.g/255,r=t.b/255,i=(yr*r+mr*n-gr*e)/(yr+mr-gr),o=r-i,a=(Gt*(e-i)-ie*o)/xn,s=Math.sqrt(a*a+o*o)/(Gt*i*(1-i)),l=s?Math.atan2(a,o)*xr-120:NaN;return new Nt(l<0?l+360:l,s,i,t.opacity)}function _n(t,n,e,r){return arguments.length===1?Oa(t):new Nt(t,n,e,r??1)}function Nt(t,n,e,r){this.h=+t,this.s=+n,this.l=+e,this.opacity=+r}Rt(Nt,_n,Wt(gt,{brighter(t){return t=t==null?Lt:Math.pow(Lt,t),new Nt(this.h,this.s,this.l*t,this.opacity)},darker(t){return t=t==null?At:Math.pow(At,t),new Nt(this.h,this.s,this.l*t,this.opacity)},rgb(){var t=isNaN(this.h)?0:(this.h+120)*wr,n=+this.l,e=isNaN(this.s)?0:this.s*n*(1-n),r=Math.cos(t),i=Math.sin(t);return new V(255*(n+e*(Sr*r+re*i)),255*(n+e*(ie*r+xn*i)),255*(n+e*(Gt*r)),this.opacity)}}));function Ir(t,n,e,r,i){var o=t*t,a=o*t;return((1-3*t+3*o-a)*n+(4-6*o+3*a)*e+(1+3*t+3*o-3*a)*r+a*i)/6}function La(t){var n=t.length-1;return function(e){var r=e<=0?e=0:e>=1?(e=1,n-1):Math.floor(e*n),i=t[r],o=t[r+1],a=r>0?t[r-1]:2*i-o,s=r<n-1?t[r+2]:2*o-i;return Ir((e-r/n)*n,a,i,o,s)}}function Ra(t){var n=t.length;return function(e){var r=Math.floor(((e%=1)<0?++e:e)*n),i=t[(r+n-1)%n],o=t[r%n],a=t[(r+1)%n],s=t[(r+2)%n];return Ir((e-r/n)*n,i,o,a,s)}}var ue=t=>()=>t;function zr(t,n){return function(e){return t+e*n}}function Pa(t,n,e){return t=Math.pow(t,e),n=Math.pow(n,e)-t,e=1/e,function(r){return Math.pow(t+r*n,e)}}function le(t,n){var e=n-t;return e?zr(t,e>180||e<-180?e-360*Math.round(e/360):e):ue(isNaN(t)?n:t)}function Da(t){return(t=+t)==1?J:function(n,e){return e-n?Pa(n,e,t):ue(isNaN(n)?e:n)}}function J(t,n){var e=n-t;return e?zr(t,e):ue(isNaN(t)?n:t)}var ce=(function t(n){var e=Da(n);function r(i,o){var a=e((i=Jt(i)).r,(o=Jt(o)).r),s=e(i.g,o.g),l=e(i.b,o.b),c=J(i.opacity,o.opacity);return function(u){return i.r=a(u),i.g=s(u),i.b=l(u),i.opacity=c(u),i+""}}return r.gamma=t,r})(1);function Or(t){return function(n){var e=n.length,r=new Array(e),i=new Array(e),o=new Array(e),a,s;for(a=0;a<e;++a)s=Jt(n[a]),r[a]=s.r||0,i[a]=s.g||0,o[a]=s.b||0;return r=t(r),i=t(i),o=t(o),s.opacity=1,function(l){return s.r=r(l),s.g=i(l),s.b=o(l),s+""}}}var Xu=Or(La),ju=Or(Ra);function ct(t,n){return t=+t,n=+n,function(e){return t*(1-e)+n*e}}var ae=/[-+]?(?:\d+\.?\d*|\.?\d+)(?:[eE][-+]?\d+)?/g,oe=new RegExp(ae.source,"g");function Fa(t){return function(){return t}}function Ba(t){return function(n){return t(n)+""}}function Lr(t,n){var e=ae.lastIndex=oe.lastIndex=0,r,i,o,a=-1,s=[],l=[];for(t=t+"",n=n+"";(r=ae.exec(t))&&(i=oe.exec(n));)(o=i.index)>e&&(o=n.slice(e,o),s[a]?s[a]+=o:s[++a]=o),(r=r[0])===(i=i[0])?s[a]?s[a]+=i:s[++a]=i:(s[++a]=null,l.push({i:a,x:ct(r,i)})),e=oe.lastIndex;return e<n.length&&(o=n.slice(e),s[a]?s[a]+=o:s[++a]=o),s.length<2?l[0]?Ba(l[0].x):Fa(n):(n=l.length,function(c){for(var u=0,f;u<n;++u)s[(f=l[u]).i]=f.x(c);return s.join("")})}var Tr=180/Math.PI,se={translateX:0,translateY:0,rotate:0,skewX:0,scaleX:1,scaleY:1};function Rr(t,n,e,r,i,o){var a,s,l;return(a=Math.sqrt(t*t+n*n))&&(t/=a,n/=a),(l=t*e+n*r)&&(e-=t*l,r-=n*l),(s=Math.sqrt(e*e+r*r))&&(e/=s,r/=s,l/=s),t*r<n*e&&(t=-t,n=-n,l=-l,a=-a),{translateX:i,translateY:o,rotate:Math.atan2(n,t)*Tr,skewX:Math.atan(l)*Tr,scaleX:a,scaleY:s}}var bn;function Va(t){let n=new(typeof DOMMatrix=="function"?DOMMatrix:WebKitCSSMatrix)(t+"");return n.isIdentity?se:Rr(n.a,n.b,n.c,n.d,n.e,n.f)}function qa(t){return t==null||(bn||(bn=document.createElementNS("http://www.w3.org/2000/svg","g")),bn.setAttribute("transform",t),!(t=bn.transform.baseVal.consolidate()))?se:(t=t.matrix,Rr(t.a,t.b,t.c,t.d,t.e,t.f))}function Pr(t,n,e,r){function i(c){return c.length?c.pop()+" ":""}function o(c,u,f,d,h,x){if(c!==f||u!==d){var m=h.push("translate(",null,n,null,e);x.push({i:m-4,x:ct(c,f)},{i:m-2,x:ct(u,d)})}else(f||d)&&h.push("translate("+f+n+d+e)}function a(c,u,f,d){c!==u?(c-u>180?u+=360:u-c>180&&(c+=360),d.push({i:f.push(i(f)+"rotate(",null,r)-2,x:ct(c,u)})):u&&f.push(i(f)+"rotate("+u+r)}function s(c,u,f,d){c!==u?d.push({i:f.push(i(f)+"skewX(",null,r)-2,x:ct(c,u)}):u&&f.push(i(f)+"skewX("+u+r)}function l(c,u,f,d,h,x){if(c!==f||u!==d){var m=h.push(i(h)+"scale(",null,",",null,")");x.push({i:m-4,x:ct(c,f)},{i:m-2,x:ct(u,d)})}else(f!==1||d!==1)&&h.push(i(h)+"scale("+f+","+d+")")}return function(c,u){var f=[],d=[];return c=t(c),u=t(u),o(c.translateX,c.translateY,u.translateX,u.translateY,f,d),a(c.rotate,u.rotate,f,d),s(c.skewX,u.skewX,f,d),l(c.scaleX,c.scaleY,u.scaleX,u.scaleY,f,d),c=u=null,function(h){for(var x=-1,m=d.length,w;++x<m;)f[(w=d[x]).i]=w.x(h);return f.join("")}}}var Dr=Pr(Va,"px, ","px)","deg)"),Fr=Pr(qa,", ",")",")"),Xa=1e-12;function Cr(t){return((t=Math.exp(t))+1/t)/2}function ja(t){return((t=Math.exp(t))-1/t)/2}function Ha(t){return((t=Math.exp(2*t))-1)/(t+1)}var Br=(function t(n,e,r){function i(o,a){var s=o[0],l=o[1],c=o[2],u=a[0],f=a[1],d=a[2],h=u-s,x=f-l,m=h*h+x*x,w,v;if(m<Xa)v=Math.log(d/c)/n,w=function(P){return[s+P*h,l+P*x,c*Math.exp(n*P*v)]};else{var M=Math.sqrt(m),T=(d*d-c*c+r*m)/(2*c*e*M),A=(d*d-c*c-r*m)/(2*d*e*M),I=Math.log(Math.sqrt(T*T+1)-T),O=Math.log(Math.sqrt(A*A+1)-A);v=(O-I)/n,w=function(P){var L=P*v,F=Cr(I),R=c/(e*M)*(F*Ha(n*L+I)-ja(I));return[s+R*h,l+R*x,c*F/Cr(n*L+I)]}}return w.duration=Math.abs(v)*1e3*n/Math.SQRT2,w}return i.rho=function(o){var a=Math.max(.001,+o),s=a*a,l=s*s;return t(a,s,l)},i})(Math.SQRT2,2,4);function Vr(t){return function(n,e){var r=t((n=vn(n)).h,(e=vn(e)).h),i=J(n.s,e.s),o=J(n.l,e.l),a=J(n.opacity,e.opacity);return function(s){return n.h=r(s),n.s=i(s),n.l=o(s),n.opacity=a(s),n+""}}}var Hu=Vr(le),Yu=Vr(J);function qr(t){return function(n,e){var r=t((n=wn(n)).h,(e=wn(e)).h),i=J(n.c,e.c),o=J(n.l,e.l),a=J(n.opacity,e.opacity);return function(s){return n.h=r(s),n.c=i(s),n.l=o(s),n.opacity=a(s),n+""}}}var Gu=qr(le),Wu=qr(J);function Xr(t){return(function n(e){e=+e;function r(i,o){var a=t((i=_n(i)).h,(o=_n(o)).h),s=J(i.s,o.s),l=J(i.l,o.l),c=J(i.opacity,o.opacity);return function(u){return i.h=a(u),i.s=s(u),i.l=l(Math.pow(u,e)),i.opacity=c(u),i+""}}return r.gamma=n,r})(1)}var Ju=Xr(le),Ku=Xr(J);function Hr(t){return((t*=2)<=1?t*t*t:(t-=2)*t*t+2)/2}var fe=3,Zu=(function t(n){n=+n;function e(r){return Math.pow(r,n)}return e.exponent=t,e})(fe),Qu=(function t(n){n=+n;function e(r){return 1-Math.pow(1-r,n)}return e.exponent=t,e})(fe),tl=(function t(n){n=+n;function e(r){return((r*=2)<=1?Math.pow(r,n):2-Math.pow(2-r,n))/2}return e.exponent=t,e})(fe),Ya=Math.PI,nl=Ya/2;function kn(t){return(Math.pow(2,-10*t)-.0009765625)*1.0009775171065494}var jr=4/11,el=6/11,rl=8/11,il=3/4,ol=9/11,al=10/11,sl=15/16,ul=21/22,ll=63/64,cl=1/jr/jr;var he=1.70158,fl=(function t(n){n=+n;function e(r){return(r=+r)*r*(n*(r-1)+r)}return e.overshoot=t,e})(he),hl=(function t(n){n=+n;function e(r){return--r*r*((r+1)*n+r)+1}return e.overshoot=t,e})(he),dl=(function t(n){n=+n;function e(r){return((r*=2)<1?r*r*((n+1)*r-n):(r-=2)*r*((n+1)*r+n)+2)/2}return e.overshoot=t,e})(he),Pt=2*Math.PI,de=1,pe=.3,pl=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=Pt);function i(o){return n*kn(- --o)*Math.sin((r-o)/e)}return i.amplitude=function(o){return t(o,e*Pt)},i.period=function(o){return t(n,o)},i})(de,pe),ml=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=Pt);function i(o){return 1-n*kn(o=+o)*Math.sin((o+r)/e)}return i.amplitude=function(o){return t(o,e*Pt)},i.period=function(o){return t(n,o)},i})(de,pe),gl=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=Pt);function i(o){return((o=o*2-1)<0?n*kn(-o)*Math.sin((r-o)/e):2-n*kn(o)*Math.sin((r+o)/e))/2}return i.amplitude=function(o){return t(o,e*Pt)},i.period=function(o){return t(n,o)},i})(de,pe);var Ga=xt("start","end","cancel","interrupt"),Wa=[],Wr=0,Yr=1,me=2,Mn=3,Gr=4,ge=5,$n=6;function Nn(t,n,e,r,i,o){var a=t.__transition;if(!a)t.__transition={};else if(e in a)return;Ja(t,e,{name:n,index:r,group:i,on:Ga,tween:Wa,time:o.time,delay:o.delay,duration:o.duration,ease:o.ease,timer:null,state:Wr})}function ye(t,n){var e=et(t,n);if(e.state>Wr)throw new Error("too late; already scheduled");return e}function ot(t,n){var e=et(t,n);if(e.state>Mn)throw new Error("too late; already running");return e}function et(t,n){var e=t.__transition;if(!e||!(e=e[n]))throw new Error("transition not found");return e}function Ja(t,n,e){var r=t.__transition,i;r[n]=e,e.timer=jt(o,0,e.time);function o(c){e.state=Yr,e.timer.restart(a,e.delay,e.time),e.delay<=c&&a(c-e.delay)}function a(c){var u,f,d,h;if(e.state!==Yr)return l();for(u in r)if(h=r[u],h.name===e.name){if(h.state===Mn)return Xn(a);h.state===Gr?(h.state=$n,h.timer.stop(),h.on.call("interrupt",t,t.__data__,h.index,h.group),delete r[u]):+u<n&&(h.state=$n,h.timer.stop(),h.on.call("cancel",t,t.__data__,h.index,h.group),delete r[u])}if(Xn(function(){e.state===Mn&&(e.state=Gr,e.timer.restart(s,e.delay,e.time),s(c))}),e.state=me,e.on.call("start",t,t.__data__,e.index,e.group),e.state===me){for(e.state=Mn,i=new Array(d=e.tween.length),u=0,f=-1;u<d;++u)(h=e.tween[u].value.call(t,t.__data__,e.index,e.group))&&(i[++f]=h);i.length=f+1}}function s(c){for(var u=c<e.duration?e.ease.call(null,c/e.duration):(e.timer.restart(l),e.state=ge,1),f=-1,d=i.length;++f<d;)i[f].call(t,u);e.state===ge&&(e.on.call("end",t,t.__data__,e.index,e.group),l())}function l(){e.state=$n,e.timer.stop(),delete r[n];for(var c in r)return;delete t.__transition}}function Kt(t,n){var e=t.__transition,r,i,o=!0,a;if(e){n=n==null?null:n+"";for(a in e){if((r=e[a]).name!==n){o=!1;continue}i=r.state>me&&r.state<ge,r.state=$n,r.timer.stop(),r.on.call(i?"interrupt":"cancel",t,t.__data__,r.index,r.group),delete e[a]}o&&delete t.__transition}}function Ka(t){return this.each(function(){Kt(this,t)})}function Ua(t,n){var e,r;return function(){var i=ot(this,t),o=i.tween;if(o!==e){r=e=o;for(var a=0,s=r.length;a<s;++a)if(r[a].name===n){r=r.slice(),r.splice(a,1);break}}i.tween=r}}function Za(t,n,e){var r,i;if(typeof e!="function")throw new Error;return function(){var o=ot(this,t),a=o.tween;if(a!==r){i=(r=a).slice();for(var s={name:n,value:e},l=0,c=i.length;l<c;++l)if(i[l].name===n){i[l]=s;break}l===c&&i.push(s)}o.tween=i}}function Qa(t,n){var e=this._id;if(t+="",arguments.length<2){for(var r=et(this.node(),e).tween,i=0,o=r.length,a;i<o;++i)if((a=r[i]).name===t)return a.value;return null}return this.each((n==null?Ua:Za)(e,t,n))}function ve(t,n,e){var r=t._id;return t.each(function(){var i=ot(this,r);(i.value||(i.value={}))[n]=e.apply(this,arguments)}),function(i){return et(i,r).value[n]}}function Jr(t,n){var e;return(typeof n=="number"?ct:n instanceof Et?ce:(e=Et(n))?(n=e,ce):Lr)(t,n)}function ts(t){return function(){this.removeAttribute(t)}}function ns(t){return function(){this.removeAttributeNS(t.space,t.local)}}function es(t,n,e){var r,i=e+"",o;return function(){var a=this.getAttribute(t);return a===i?null:a===r?o:o=n(r=a,e)}}function rs(t,n,e){var r,i=e+"",o;return function(){var a=this.getAttributeNS(t.space,t.local);return a===i?null:a===r?o:o=n(r=a,e)}}function is(t,n,e){var r,i,o;return function(){var a,s=e(this),l;return s==null?void this.removeAttribute(t):(a=this.getAttribute(t),l=s+"",a===l?null:a===r&&l===i?o:(i=l,o=n(r=a,s)))}}function os(t,n,e){var r,i,o;return function(){var a,s=e(this),l;return s==null?void this.removeAttributeNS(t.space,t.local):(a=this.getAttributeNS(t.space,t.local),l=s+"",a===l?null:a===r&&l===i?o:(i=l,o=n(r=a,s)))}}function as(t,n){var e=Ht(t),r=e==="transform"?Fr:Jr;return this.attrTween(t,typeof n=="function"?(e.local?os:is)(e,r,ve(this,"attr."+t,n)):n==null?(e.local?ns:ts)(e):(e.local?rs:es)(e,r,n))}function ss(t,n){return function(e){this.setAttribute(t,n.call(this,e))}}function us(t,n){return function(e){this.setAttributeNS(t.space,t.local,n.call(this,e))}}function ls(t,n){var e,r;function i(){var o=n.apply(this,arguments);return o!==r&&(e=(r=o)&&us(t,o)),e}return i._value=n,i}function cs(t,n){var e,r;function i(){var o=n.apply(this,arguments);return o!==r&&(e=(r=o)&&ss(t,o)),e}return i._value=n,i}function fs(t,n){var e="attr."+t;if(arguments.length<2)return(e=this.tween(e))&&e._value;if(n==null)return this.tween(e,null);if(typeof n!="function")throw new Error;var r=Ht(t);return this.tween(e,(r.local?ls:cs)(r,n))}function hs(t,n){return function(){ye(this,t).delay=+n.apply(this,arguments)}}function ds(t,n){return n=+n,function(){ye(this,t).delay=n}}function ps(t){var n=this._id;return arguments.length?this.each((typeof t=="function"?hs:ds)(n,t)):et(this.node(),n).delay}function ms(t,n){return function(){ot(this,t).duration=+n.apply(this,arguments)}}function gs(t,n){return n=+n,function(){ot(this,t).duration=n}}function ys(t){var n=this._id;return arguments.length?this.each((typeof t=="function"?ms:gs)(n,t)):et(this.node(),n).duration}function vs(t,n){if(typeof n!="function")throw new Error;return function(){ot(this,t).ease=n}}function ws(t){var n=this._id;return arguments.length?this.each(vs(n,t)):et(this.node(),n).ease}function xs(t,n){return function(){var e=n.apply(this,arguments);if(typeof e!="function")throw new Error;ot(this,t).ease=e}}function _s(t){if(typeof t!="function")throw new Error;return this.each(xs(this._id,t))}function bs(t){typeof t!="function"&&(t=Gn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=[],l,c=0;c<a;++c)(l=o[c])&&t.call(l,l.__data__,c,o)&&s.push(l);return new ht(r,this._parents,this._name,this._id)}function ks(t){if(t._id!==this._id)throw new Error;for(var n=this._groups,e=t._groups,r=n.length,i=e.length,o=Math.min(r,i),a=new Array(r),s=0;s<o;++s)for(var l=n[s],c=e[s],u=l.length,f=a[s]=new Array(u),d,h=0;h<u;++h)(d=l[h]||c[h])&&(f[h]=d);for(;s<r;++s)a[s]=n[s];return new ht(a,this._parents,this._name,this._id)}function Ms(t){return(t+"").trim().split(/^|\s+/).every(function(n){var e=n.indexOf(".");return e>=0&&(n=n.slice(0,e)),!n||n==="start"})}function $s(t,n,e){var r,i,o=Ms(n)?ye:ot;return function(){var a=o(this,t),s=a.on;s!==r&&(i=(r=s).copy()).on(n,e),a.on=i}}function Ns(t,n){var e=this._id;return arguments.length<2?et(this.node(),e).on.on(t):this.each($s(e,t,n))}function As(t){return function(){var n=this.parentNode;for(var e in this.__transition)if(+e!==t)return;n&&n.removeChild(this)}}function Es(){return this.on("end.remove",As(this._id))}function Ss(t){var n=this._name,e=this._id;typeof t!="function"&&(t=dn(t));for(var r=this._groups,i=r.length,o=new Array(i),a=0;a<i;++a)for(var s=r[a],l=s.length,c=o[a]=new Array(l),u,f,d=0;d<l;++d)(u=s[d])&&(f=t.call(u,u.__data__,d,s))&&("__data__"in u&&(f.__data__=u.__data__),c[d]=f,Nn(c[d],n,e,d,c,et(u,e)));return new ht(o,this._parents,n,e)}function Ts(t){var n=this._name,e=this._id;typeof t!="function"&&(t=Yn(t));for(var r=this._groups,i=r.length,o=[],a=[],s=0;s<i;++s)for(var l=r[s],c=l.length,u,f=0;f<c;++f)if(u=l[f]){for(var d=t.call(u,u.__data__,f,l),h,x=et(u,e),m=0,w=d.length;m<w;++m)(h=d[m])&&Nn(h,n,e,m,d,x);o.push(d),a.push(u)}return new ht(o,a,n,e)}var Cs=kt.prototype.constructor;function Is(){return new Cs(this._groups,this._parents)}function zs(t,n){var e,r,i;return function(){var o=bt(this,t),a=(this.style.removeProperty(t),bt(this,t));return o===a?null:o===e&&a===r?i:i=n(e=o,r=a)}}function Kr(t){return function(){this.style.removeProperty(t)}}function Os(t,n,e){var r,i=e+"",o;return function(){var a=bt(this,t);return a===i?null:a===r?o:o=n(r=a,e)}}function Ls(t,n,e){var r,i,o;return function(){var a=bt(this,t),s=e(this),l=s+"";return s==null&&(l=s=(this.style.removeProperty(t),bt(this,t))),a===l?null:a===r&&l===i?o:(i=l,o=n(r=a,s))}}function Rs(t,n){var e,r,i,o="style."+n,a="end."+o,s;return function(){var l=ot(this,t),c=l.on,u=l.value[o]==null?s||(s=Kr(n)):void 0;(c!==e||i!==u)&&(r=(e=c).copy()).on(a,i=u),l.on=r}}function Ps(t,n,e){var r=(t+="")=="transform"?Dr:Jr;return n==null?this.styleTween(t,zs(t,r)).on("end.style."+t,Kr(t)):typeof n=="function"?this.styleTween(t,Ls(t,r,ve(this,"style."+t,n))).each(Rs(this._id,t)):this.styleTween(t,Os(t,r,n),e).on("end.style."+t,null)}function Ds(t,n,e){return function(r){this.style.setProperty(t,n.call(this,r),e)}}function Fs(t,n,e){var r,i;function o(){var a=n.apply(this,arguments);return a!==i&&(r=(i=a)&&Ds(t,a,e)),r}return o._value=n,o}function Bs(t,n,e){var r="style."+(t+="");if(arguments.length<2)return(r=this.tween(r))&&r._value;if(n==null)return this.tween(r,null);if(typeof n!="function")throw new Error;return this.tween(r,Fs(t,n,e??""))}function Vs(t){return function(){this.textContent=t}}function qs(t){return function(){var n=t(this);this.textContent=n??""}}function Xs(t){return this.tween("text",typeof t=="function"?qs(ve(this,"text",t)):Vs(t==null?"":t+""))}function js(t){return function(n){this.textContent=t.call(this,n)}}function Hs(t){var n,e;function r(){var i=t.apply(this,arguments);return i!==e&&(n=(e=i)&&js(i)),n}return r._value=t,r}function Ys(t){var n="text";if(arguments.length<1)return(n=this.tween(n))&&n._value;if(t==null)return this.tween(n,null);if(typeof t!="function")throw new Error;return this.tween(n,Hs(t))}function Gs(){for(var t=this._name,n=this._id,e=Ur(),r=this._groups,i=r.length,o=0;o<i;++o)for(var a=r[o],s=a.length,l,c=0;c<s;++c)if(l=a[c]){var u=et(l,n);Nn(l,t,e,c,a,{time:u.time+u.delay+u.duration,delay:0,duration:u.duration,ease:u.ease})}return new ht(r,this._parents,t,e)}function Ws(){var t,n,e=this,r=e._id,i=e.size();return new Promise(function(o,a){var s={value:a},l={value:function(){--i===0&&o()}};e.each(function(){var c=ot(this,r),u=c.on;u!==t&&(n=(t=u).copy(),n._.cancel.push(s),n._.interrupt.push(s),n._.end.push(l)),c.on=n}),i===0&&o()})}var Js=0;function ht(t,n,e,r){this._groups=t,this._parents=n,this._name=e,this._id=r}function Ks(t){return kt().transition(t)}function Ur(){return++Js}var ft=kt.prototype;ht.prototype=Ks.prototype={constructor:ht,select:Ss,selectAll:Ts,selectChild:ft.selectChild,selectChildren:ft.selectChildren,filter:bs,merge:ks,selection:Is,transition:Gs,call:ft.call,nodes:ft.nodes,node:ft.node,size:ft.size,empty:ft.empty,each:ft.each,on:Ns,attr:as,attrTween:fs,style:Ps,styleTween:Bs,text:Xs,textTween:Ys,remove:Es,tween:Qa,delay:ps,duration:ys,ease:ws,easeVarying:_s,end:Ws,[Symbol.iterator]:ft[Symbol.iterator]};var Us={time:null,delay:0,duration:250,ease:Hr};function Zs(t,n){for(var e;!(e=t.__transition)||!(e=e[n]);)if(!(t=t.parentNode))throw new Error(`transition ${n} not found`);return e}function Qs(t){var n,e;t instanceof ht?(n=t._id,t=t._name):(n=Ur(),(e=Us).time=fn(),t=t==null?null:t+"");for(var r=this._groups,i=r.length,o=0;o<i;++o)for(var a=r[o],s=a.length,l,c=0;c<s;++c)(l=a[c])&&Nn(l,t,n,c,a,e||Zs(l,n));return new ht(r,this._parents,t,n)}kt.prototype.interrupt=Ka;kt.prototype.transition=Qs;var An=t=>()=>t;function tu(t,{sourceEvent:n,target:e,transform:r,dispatch:i}){Object.defineProperties(this,{type:{value:t,enumerable:!0,configurable:!0},sourceEvent:{value:n,enumerable:!0,configurable:!0},target:{value:e,enumerable:!0,configurable:!0},transform:{value:r,enumerable:!0,configurable:!0},_:{value:i}})}function dt(t,n,e){this.k=t,this.x=n,this.y=e}dt.prototype={constructor:dt,scale:function(t){return t===1?this:new dt(this.k*t,this.x,this.y)},translate:function(t,n){return t===0&n===0?this:new dt(this.k,this.x+this.k*t,this.y+this.k*n)},apply:function(t){return[t[0]*this.k+this.x,t[1]*this.k+this.y]},applyX:function(t){return t*this.k+this.x},applyY:function(t){return t*this.k+this.y},invert:function(t){return[(t[0]-this.x)/this.k,(t[1]-this.y)/this.k]},invertX:function(t){return(t-this.x)/this.k},invertY:function(t){return(t-this.y)/this.k},rescaleX:function(t){return t.copy().domain(t.range().map(this.invertX,this).map(t.invert,t))},rescaleY:function(t){return t.copy().domain(t.range().map(this.invertY,this).map(t.invert,t))},toString:function(){return"translate("+this.x+","+this.y+") scale("+this.k+")"}};var yt=new dt(1,0,0);nu.prototype=dt.prototype;function nu(t){for(;!t.__zoom;)if(!(t=t.parentNode))return yt;return t.__zoom}function we(t){t.stopImmediatePropagation()}function Ut(t){t.preventDefault(),t.stopImmediatePropagation()}function eu(t){return(!t.ctrlKey||t.type==="wheel")&&!t.button}function ru(){var t=this;return t instanceof SVGElement?(t=t.ownerSVGElement||t,t.hasAttribute("viewBox")?(t=t.viewBox.baseVal,[[t.x,t.y],[t.x+t.width,t.y+t.height]]):[[0,0],[t.width.baseVal.value,t.height.baseVal.value]]):[[0,0],[t.clientWidth,t.clientHeight]]}function Zr(){return this.__zoom||yt}function iu(t){return-t.deltaY*(t.deltaMode===1?.05:t.deltaMode?1:.002)*(t.ctrlKey?10:1)}function ou(){return navigator.maxTouchPoints||"ontouchstart"in this}function au(t,n,e){var r=t.invertX(n[0][0])-e[0][0],i=t.invertX(n[1][0])-e[1][0],o=t.invertY(n[0][1])-e[0][1],a=t.invertY(n[1][1])-e[1][1];return t.translate(i>r?(r+i)/2:Math.min(0,r)||Math.max(0,i),a>o?(o+a)/2:Math.min(0,o)||Math.max(0,a))}function Qr(){var t=eu,n=ru,e=au,r=iu,i=ou,o=[0,1/0],a=[[-1/0,-1/0],[1/0,1/0]],s=250,l=Br,c=xt("start","zoom","end"),u,f,d,h=500,x=150,m=0,w=10;function v(g){g.property("__zoom",Zr).on("wheel.zoom",L,{passive:!1}).on("mousedown.zoom",F).on("dblclick.zoom",R).filter(i).on("touchstart.zoom",Y).on("touchmove.zoom",B).on("touchend.zoom touchcancel.zoom",G).style("-webkit-tap-highlight-color","rgba(0,0,0,0)")}v.transform=function(g,y,p,_){var b=g.selection?g.selection():g;b.property("__zoom",Zr),g!==b?I(g,y,p,_):b.interrupt().each(function(){O(this,arguments).event(_).start().zoom(null,typeof y=="function"?y.apply(this,arguments):y).end()})},v.scaleBy=function(g,y,p,_){v.scaleTo(g,function(){var b=this.__zoom.k,E=typeof y=="function"?y.apply(this,arguments):y;return b*E},p,_)},v.scaleTo=function(g,y,p,_){v.transform(g,function(){var b=n.apply(this,arguments),E=this.__zoom,$=p==null?A(b):typeof p=="function"?p.apply(this,arguments):p,S=E.invert($),k=typeof y=="function"?y.apply(this,arguments):y;return e(T(M(E,k),$,S),b,a)},p,_)},v.translateBy=function(g,y,p,_){v.transform(g,function(){return e(this.__zoom.translate(typeof y=="function"?y.apply(this,arguments):y,typeof p=="function"?p.apply(this,arguments):p),n.apply(this,arguments),a)},null,_)},v.translateTo=function(g,y,p,_,b){v.transform(g,function(){var E=n.apply(this,arguments),$=this.__zoom,S=_==null?A(E):typeof _=="function"?_.apply(this,arguments):_;return e(yt.translate(S[0],S[1]).scale($.k).translate(typeof y=="function"?-y.apply(this,arguments):-y,typeof p=="function"?-p.apply(this,arguments):-p),E,a)},_,b)};function M(g,y){return y=Math.max(o[0],Math.min(o[1],y)),y===g.k?g:new dt(y,g.x,g.y)}function T(g,y,p){var _=y[0]-p[0]*g.k,b=y[1]-p[1]*g.k;return _===g.x&&b===g.y?g:new dt(g.k,_,b)}function A(g){return[(+g[0][0]+ +g[1][0])/2,(+g[0][1]+ +g[1][1])/2]}function I(g,y,p,_){g.on("start.zoom",function(){O(this,arguments).event(_).start()}).on("interrupt.zoom end.zoom",function(){O(this,arguments).event(_).end()}).tween("zoom",function(){var b=this,E=arguments,$=O(b,E).event(_),S=n.apply(b,E),k=p==null?A(S):typeof p=="function"?p.apply(b,E):p,z=Math.max(S[1][0]-S[0][0],S[1][1]-S[0][1]),D=b.__zoom,q=typeof y=="function"?y.apply(b,E):y,Q=l(D.invert(k).concat(z/D.k),q.invert(k).concat(z/q.k));return function(W){if(W===1)W=q;else{var tt=Q(W),Ct=z/tt[2];W=new dt(Ct,k[0]-tt[0]*Ct,k[1]-tt[1]*Ct)}$.zoom(null,W)}})}function O(g,y,p){return!p&&g.__zooming||new P(g,y)}function P(g,y){this.that=g,this.args=y,this.active=0,this.sourceEvent=null,this.extent=n.apply(g,y),this.taps=0}P.prototype={event:function(g){return g&&(this.sourceEvent=g),this},start:function(){return++this.active===1&&(this.that.__zooming=this,this.emit("start")),this},zoom:function(g,y){return this.mouse&&g!=="mouse"&&(this.mouse[1]=y.invert(this.mouse[0])),this.touch0&&g!=="touch"&&(this.touch0[1]=y.invert(this.touch0[0])),this.touch1&&g!=="touch"&&(this.touch1[1]=y.invert(this.touch1[0])),this.that.__zoom=y,this.emit("zoom"),this},end:function(){return--this.active===0&&(delete this.that.__zooming,this.emit("end")),this},emit:function(g){var y=Z(this.that).datum();c.call(g,this.that,new tu(g,{sourceEvent:this.sourceEvent,target:v,transform:this.that.__zoom,dispatch:c}),y)}};function L(g,...y){if(!t.apply(this,arguments))return;var p=O(this,y).event(g),_=this.__zoom,b=Math.max(o[0],Math.min(o[1],_.k*Math.pow(2,r.apply(this,arguments)))),E=ut(g);if(p.wheel)(p.mouse[0][0]!==E[0]||p.mouse[0][1]!==E[1])&&(p.mouse[1]=_.invert(p.mouse[0]=E)),clearTimeout(p.wheel);else{if(_.k===b)return;p.mouse=[E,_.invert(E)],Kt(this),p.start()}Ut(g),p.wheel=setTimeout($,x),p.zoom("mouse",e(T(M(_,b),p.mouse[0],p.mouse[1]),p.extent,a));function $(){p.wheel=null,p.end()}}function F(g,...y){if(d||!t.apply(this,arguments))return;var p=g.currentTarget,_=O(this,y,!0).event(g),b=Z(g.view).on("mousemove.zoom",k,!0).on("mouseup.zoom",z,!0),E=ut(g,p),$=g.clientX,S=g.clientY;or(g.view),we(g),_.mouse=[E,this.__zoom.invert(E)],Kt(this),_.start();function k(D){if(Ut(D),!_.moved){var q=D.clientX-$,Q=D.clientY-S;_.moved=q*q+Q*Q>m}_.event(D).zoom("mouse",e(T(_.that.__zoom,_.mouse[0]=ut(D,p),_.mouse[1]),_.extent,a))}function z(D){b.on("mousemove.zoom mouseup.zoom",null),ar(D.view,_.moved),Ut(D),_.event(D).end()}}function R(g,...y){if(t.apply(this,arguments)){var p=this.__zoom,_=ut(g.changedTouches?g.changedTouches[0]:g,this),b=p.invert(_),E=p.k*(g.shiftKey?.5:2),$=e(T(M(p,E),_,b),n.apply(this,y),a);Ut(g),s>0?Z(this).transition().duration(s).call(I,$,_,g):Z(this).call(v.transform,$,_,g)}}function Y(g,...y){if(t.apply(this,arguments)){var p=g.touches,_=p.length,b=O(this,y,g.changedTouches.length===_).event(g),E,$,S,k;for(we(g),$=0;$<_;++$)S=p[$],k=ut(S,this),k=[k,this.__zoom.invert(k),S.identifier],b.touch0?!b.touch1&&b.touch0[2]!==k[2]&&(b.touch1=k,b.taps=0):(b.touch0=k,E=!0,b.taps=1+!!u);u&&(u=clearTimeout(u)),E&&(b.taps<2&&(f=k[0],u=setTimeout(function(){u=null},h)),Kt(this),b.start())}}function B(g,...y){if(this.__zooming){var p=O(this,y).event(g),_=g.changedTouches,b=_.length,E,$,S,k;for(Ut(g),E=0;E<b;++E)$=_[E],S=ut($,this),p.touch0&&p.touch0[2]===$.identifier?p.touch0[0]=S:p.touch1&&p.touch1[2]===$.identifier&&(p.touch1[0]=S);if($=p.that.__zoom,p.touch1){var z=p.touch0[0],D=p.touch0[1],q=p.touch1[0],Q=p.touch1[1],W=(W=q[0]-z[0])*W+(W=q[1]-z[1])*W,tt=(tt=Q[0]-D[0])*tt+(tt=Q[1]-D[1])*tt;$=M($,Math.sqrt(W/tt)),S=[(z[0]+q[0])/2,(z[1]+q[1])/2],k=[(D[0]+Q[0])/2,(D[1]+Q[1])/2]}else if(p.touch0)S=p.touch0[0],k=p.touch0[1];else return;p.zoom("touch",e(T($,S,k),p.extent,a))}}function G(g,...y){if(this.__zooming){var p=O(this,y).event(g),_=g.changedTouches,b=_.length,E,$;for(we(g),d&&clearTimeout(d),d=setTimeout(function(){d=null},h),E=0;E<b;++E)$=_[E],p.touch0&&p.touch0[2]===$.identifier?delete p.touch0:p.touch1&&p.touch1[2]===$.identifier&&delete p.touch1;if(p.touch1&&!p.touch0&&(p.touch0=p.touch1,delete p.touch1),p.touch0)p.touch0[1]=this.__zoom.invert(p.touch0[0]);else if(p.end(),p.taps===2&&($=ut($,this),Math.hypot(f[0]-$[0],f[1]-$[1])<w)){var S=Z(this).on("dblclick.zoom");S&&S.apply(this,arguments)}}}return v.wheelDelta=function(g){return arguments.length?(r=typeof g=="function"?g:An(+g),v):r},v.filter=function(g){return arguments.length?(t=typeof g=="function"?g:An(!!g),v):t},v.touchable=function(g){return arguments.length?(i=typeof g=="function"?g:An(!!g),v):i},v.extent=function(g){return arguments.length?(n=typeof g=="function"?g:An([[+g[0][0],+g[0][1]],[+g[1][0],+g[1][1]]]),v):n},v.scaleExtent=function(g){return arguments.length?(o[0]=+g[0],o[1]=+g[1],v):[o[0],o[1]]},v.translateExtent=function(g){return arguments.length?(a[0][0]=+g[0][0],a[1][0]=+g[1][0],a[0][1]=+g[0][1],a[1][1]=+g[1][1],v):[[a[0][0],a[0][1]],[a[1][0],a[1][1]]]},v.constrain=function(g){return arguments.length?(e=g,v):e},v.duration=function(g){return arguments.length?(s=+g,v):s},v.interpolate=function(g){return arguments.length?(l=g,v):l},v.on=function(){var g=c.on.apply(c,arguments);return g===c?v:g},v.clickDistance=function(g){return arguments.length?(m=(g=+g)*g,v):Math.sqrt(m)},v.tapDistance=function(g){return arguments.length?(w=+g,v):w},v}var xe=11,_e=2;function be(t,{onClick:n=null,describe:e=o=>o.label??String(o.id),tooltip:r=null,collide:i=!1}={}){let o=t.getContext("2d"),a=[],s=[],l=new Map,c=!1,u=yt,f=null,d=0,h=null,x=0,m=0,w=!1,v=0,M=[],T=()=>{let y=t.getBoundingClientRect(),p=window.devicePixelRatio||1;x=Math.max(1,y.width),m=Math.max(1,y.height),t.width=Math.round(x*p),t.height=Math.round(m*p),o.setTransform(p,0,0,p,0,0),B()},A=(y,p)=>[x/2+u.x+y*u.k,m/2+u.y+p*u.k],I=y=>y.group?O(y):y.r;function O(y){let p=y.r;for(let _ of y.group){let b=l.get(_);b&&(p=Math.max(p,Math.hypot(b.x-y.x,b.y-y.y)+I(b)+4))}return p}function P(){let y=[],p=_=>{for(let b of y){let[E,$,S]=[0,0,0];for(let k of b.group){let z=l.get(k);z&&([E,$,S]=[E+z.x,$+z.y,S+1])}S&&([b.x,b.y,b.vx,b.vy]=[E/S,$/S,0,0])}for(let b of y){let E=O(b);for(let $ of a){if($.group||b.inside.has($.id))continue;let S=$.x-b.x,k=$.y-b.y,z=Math.hypot(S,k)||1e-6,D=E+$.r+4;if(z<D){let q=(D-z)/z*_*.5;$.vx+=S*q,$.vy+=k*q}}}};return p.initialize=_=>{y=_.filter(b=>b.group);for(let b of y){b.inside=new Set;let E=[...b.group];for(;E.length;){let $=E.pop();b.inside.add($);let S=l.get($);S?.group&&E.push(...S.group)}}y.sort((b,E)=>b.inside.size-E.inside.size)},p}function L(y,p){let _=y.source,b=y.target,E=b.x-_.x,$=b.y-_.y,S=Math.hypot(E,$);if(S<1e-9)return;let k=E/S,z=$/S,D=(y.width??1)/Math.sqrt(u.k),q=c?D/2+1/u.k:0,Q=-z*q,W=k*q,tt=_.x+k*I(_)+Q,Ct=_.y+z*I(_)+W,st=c?Math.min(S/3,4/u.k+2.2*D):0,Dt=b.x-k*I(b)+Q,Ft=b.y-z*I(b)+W;if(p){o.moveTo(tt,Ct),o.lineTo(Dt-k*st,Ft-z*st);return}if(o.beginPath(),o.moveTo(tt,Ct),o.lineTo(Dt-k*st*.9,Ft-z*st*.9),o.strokeStyle=y.color??"rgba(90, 90, 110, 0.45)",o.lineWidth=D,o.stroke(),c){let en=st*.55;o.beginPath(),o.moveTo(Dt,Ft),o.lineTo(Dt-k*st-z*en,Ft-z*st+k*en),o.lineTo(Dt-k*st+z*en,Ft-z*st-k*en),o.closePath(),o.fillStyle=y.color??"rgba(70, 70, 90, 0.7)",o.fill()}}function F(){if(M=[],a.length>3e3)return;o.font=`${xe}px system-ui, sans-serif`;let y=a.filter(p=>p.label&&!p.group).sort((p,_)=>p===f?-1:_===f?1:(p.labelRank??0)-(_.labelRank??0));for(let p of y){let[_,b]=A(p.x,p.y),E=o.measureText(p.label).width,$={id:p.id,text:p.label,x0:_-E/2-_e,x1:_+E/2+_e,y1:b-p.r*u.k-2,y0:b-p.r*u.k-2-xe-_e};$.x1<0||$.x0>x||$.y1<0||$.y0>m||M.some(S=>S.x0<$.x1&&$.x0<S.x1&&S.y0<$.y1&&$.y0<S.y1)||M.push($)}}let R=()=>{d=0,o.save(),o.clearRect(0,0,x,m),o.translate(x/2+u.x,m/2+u.y),o.scale(u.k,u.k);for(let _ of a)_.group&&(o.beginPath(),o.arc(_.x,_.y,O(_),0,2*Math.PI),o.fillStyle=_.fill??"rgba(120, 130, 150, 0.08)",o.fill(),o.lineWidth=(_===f?2:1)/u.k,o.strokeStyle=_.color,o.stroke());let y=s.filter(_=>!_.hidden),p=y.length>2e3;if(o.lineCap="round",p){o.beginPath();for(let _ of y)L(_,!0);o.strokeStyle="rgba(90, 90, 110, 0.18)",o.lineWidth=.6/u.k,o.stroke()}else for(let _ of y)L(_,!1);for(let _ of a)_.group||(o.beginPath(),o.arc(_.x,_.y,_.r,0,2*Math.PI),o.fillStyle=_.color,o.fill(),(_===f||_.outline)&&(o.lineWidth=2/u.k,o.strokeStyle="#111",o.stroke()));o.restore(),F(),o.save(),o.font=`${xe}px system-ui, sans-serif`,o.textAlign="center",o.textBaseline="bottom";for(let _ of M){let b=(_.x0+_.x1)/2;o.fillStyle="rgba(255, 255, 255, 0.75)",o.fillRect(_.x0,_.y0,_.x1-_.x0,_.y1-_.y0),o.fillStyle="#222",o.fillText(_.text,b,_.y1-1)}o.restore(),t.dataset.labels=String(M.length)};function Y(){if(!a.length)return;let[y,p,_,b]=[1/0,1/0,-1/0,-1/0];for(let k of a){let z=I(k);y=Math.min(y,k.x-z),p=Math.min(p,k.y-z),_=Math.max(_,k.x+z),b=Math.max(b,k.y+z)}let E=Math.min(3,Math.max(.05,Math.min(x/(_-y+40),m/(b-p+40)))),$=(y+_)/2,S=(p+b)/2;Z(t).call(g.transform,yt.translate(-$*E,-S*E).scale(E))}function B(){d||(d=requestAnimationFrame(R))}let G=y=>{let p=t.getBoundingClientRect(),[_,b]=u.invert([y.clientX-p.left-x/2,y.clientY-p.top-m/2]),E=null,$=1/0;for(let k of a){if(k.group)continue;let z=Math.hypot(k.x-_,k.y-b)-k.r;z<$&&($=z,E=k)}if(E&&$<=6/u.k)return E;let S=null;for(let k of a)k.group&&Math.hypot(k.x-_,k.y-b)<=O(k)&&(!S||O(k)<O(S))&&(S=k);return S},g=Qr().scaleExtent([.05,20]).on("zoom",y=>{u=y.transform,y.sourceEvent&&(w=!0),B()});return Z(t).call(g).on("dblclick.zoom",null),t.addEventListener("mousemove",y=>{let p=G(y);p!==f&&(f=p,t.style.cursor=p&&n?"pointer":"default",t.dataset.hovered=p?String(p.id):"",B()),r&&(p?(r.textContent=e(p),r.style.left=`${y.offsetX+14}px`,r.style.top=`${y.offsetY+10}px`,r.hidden=!1):r.hidden=!0)}),t.addEventListener("mouseleave",()=>{f=null,t.dataset.hovered="",r&&(r.hidden=!0),B()}),t.addEventListener("click",y=>{let p=G(y);p&&n&&n(p)}),new ResizeObserver(T).observe(t),T(),{setData(y,p,{keepPositions:_=null,directed:b=!1,separate:E=i}={}){h?.stop();let $=10*Math.sqrt(y.length+1);for(let k of y){let z=_?.get(k.id);k.x??(k.x=z?.x??(Math.random()-.5)*$),k.y??(k.y=z?.y??(Math.random()-.5)*$)}a=y,s=p,l=new Map(a.map(k=>[k.id,k])),c=b,f=null,t.dataset.nodes=String(a.filter(k=>!k.group).length),t.dataset.links=String(s.filter(k=>!k.hidden).length),t.dataset.directed=String(c);let S=a.length>1500;h=je(a).force("link",Xe(s).id(k=>k.id).distance(k=>k.distance??30).strength(k=>k.strength??.5)).force("charge",He().strength(k=>k.group?0:S?-12:-40).theta(.9).distanceMax(S?200:600)).force("x",Ye().strength(.04)).force("y",Ge().strength(.04)).force("collide",E?qe(k=>k.group?0:k.r+2).iterations(2):null).force("groups",a.some(k=>k.group)?P():null).alphaDecay(S?.06:.03).on("tick",()=>{v+=1,!w&&v%10===0&&Y(),B()}).on("end",()=>{w||Y(),t.dataset.settled="true"}),t.dataset.settled="false",v=0,_||(w=!1,u=yt,Z(t).call(g.transform,yt)),B()},positions(){return new Map(a.map(y=>[y.id,{x:y.x,y:y.y}]))},labels(){return M.map(y=>({...y}))},screenPosition(y){let p=l.get(y);return p?A(p.x,p.y):null},drawnLinks(){return s.filter(y=>!y.hidden).map(y=>({source:y.source.id??y.source,target:y.target.id??y.target,width:y.width,flow:y.flow,weight:y.weight}))},fit(){w=!1,Y()},clear(){h?.stop(),a=[],s=[],l=new Map,B()}}}function ni(t){let n=[],e=new Map,r=(a,s,l)=>{let c={path:a.path,flow:a.flow,enter:a.enter??0,exit:a.exit??0,parent:s,rank:l,depth:s?s.depth+1:0,children:null};return n.push(c),e.set(c.path,c),a.children?c.children=a.children.map(u=>r(u,c,Number(String(u.path).split(":").pop()))):(c.node=a.node,c.name=a.name),c},i=r(t.tree,null,0),o=a=>{if(!a.children){a.size=1,a.leaves=[a];return}a.children.forEach(o),a.size=a.children.reduce((s,l)=>s+l.size,0),a.leaves=a.children.flatMap(s=>s.leaves)};return o(i),{root:i,all:n,byPath:e}}function En(t,n=5){return[...t.leaves].sort((e,r)=>r.flow-e.flow).slice(0,n)}var ti=(t,n)=>t==="root"?String(n):`${t}:${n}`;function ei(t,n,e){let r=[],i=[],o=[],a=c=>{if(c.children&&(c===t.root||e.has(c.path))){o.push(c),c!==t.root&&i.push(c),c.children.forEach(a);return}r.push(c)};a(t.root);let s=new Map(n.modules.map(c=>[c.path,c.links])),l=[];for(let c of o)for(let[u,f,d]of s.get(c.path)??[])l.push({source:ti(c.path,u),target:ti(c.path,f),flow:d,module:c.path});return{units:r,groups:i,links:l}}var at=class extends Error{constructor(n,e){super(n),this.field=e}};function su(t,n,e,r){let i=Number(t);if(t===void 0||t===""||!Number.isFinite(i))throw new at(`line ${e}: ${n} '${t}' is not a finite number`,r);return i}var uu=t=>t.split(/\r?\n/);function ri(t){let n=t.trimStart();if(!n)throw new at("paste or upload vectors (CSV or JSON)","vectors");if(n.startsWith("{")||n.startsWith("[")){let u;try{u=JSON.parse(t)}catch(f){throw new at(`not valid JSON: ${f.message}`,"vectors")}if(Array.isArray(u)&&u.length&&!Array.isArray(u[0])&&typeof u[0]=="object")return{vectors:u.map(f=>f.vector??f.embedding),labels:u.map((f,d)=>String(f.label??d))};if(Array.isArray(u))return{vectors:u,labels:null};if(u&&Array.isArray(u.vectors))return{vectors:u.vectors,labels:Array.isArray(u.labels)?u.labels.map(String):null};throw new at('JSON: expected [[...], ...], {"vectors", "labels"} or [{"label", "vector"}]',"vectors")}let r=uu(t).map(u=>u.trim()).filter(u=>u&&!u.startsWith("#")).map(u=>u.split(/\s*[,;\t]\s*|\s+/)),i=u=>u!==""&&Number.isFinite(Number(u)),o=0;r.length&&r[0].slice(1).some(u=>!i(u))&&(o=1);let a=r.slice(o),s=a.some(u=>!i(u[0])),l=[],c=[];return a.forEach((u,f)=>{let d=s?u.slice(1):u;l.push(d.map(h=>su(h,"value",f+o+1,"vectors"))),c.push(s?u[0]:String(f))}),{vectors:l,labels:s?c:null}}var lu=5e3,cu=2e4,ke=2e3,Me=["#4e79a7","#f28e2b","#e15759","#76b7b2","#59a14f","#edc948","#b07aa1","#ff9da7","#9c755f","#bab0ac","#1f77b4","#aec7e8","#ff7f0e","#98df8a","#d62728","#c5b0d5","#8c564b","#e377c2","#7f7f7f","#bcbd22","#17becf","#393b79","#637939","#8c6d31","#843c39","#7b4173"],pt=t=>Me[(t-1+Me.length)%Me.length],St=t=>Number(t).toPrecision(4),N=(t,n=document)=>n.querySelector(t),Tt=(t,n=document)=>[...n.querySelectorAll(t)],C={caps:{jobs:!1,jobResult:!1,vectors:!1,formats:[]},source:"network",fileName:"",upload:null,run:null,expanded:new Set,sort:{key:"flow",dir:-1}};function fu(t,n){if(!n)return"_general";let e=String(n).split(".")[0],r={links:"edges",nodes:"edges",sparse:"edges",adjacency:"edges",body:"edges",file:"edges"},i=t.id==="network-form"?r[e]??e:e==="body"?"vectors":e;return N(`.field-error[data-for="${i}"]`,t)?i:"_general"}function Qt(t,n,e){let r=fu(t,n),i=N(`.field-error[data-for="${r}"]`,t);i.textContent=e,i.classList.add("shown"),(i.previousElementSibling?.matches?.("textarea, input, label, select, div")?i.previousElementSibling:null)?.classList.add("invalid")}function Ne(t){for(let n of Tt(".field-error",t))n.textContent="",n.classList.remove("shown");for(let n of Tt(".invalid",t))n.classList.remove("invalid")}function Sn(t){let n=N(t).value.trim(),e=Number(n);return n!==""&&Number.isFinite(e)?e:n}var Tn=t=>N(t).value.trim();function Zt(t,n,e="running\u2026"){N(`#${t}busy`).hidden=!n;let r=N(`#${t}busy-text`);r&&(r.textContent=e),N(t?"#vectors-run":"#run").disabled=n}function In(t,n){let e=N(`#${t}progress`);if(e.hidden=!n,!n)return;e.max=Math.max(1,n.progress?.total??1),e.value=n.progress?.done??0,e.dataset.status=n.status;let r=N("#progress-text");!t&&r&&(r.textContent=`job ${n.id.slice(0,8)}: ${n.status}, ${e.value}/${e.max} trials`)}function hu(){let t=new FormData;if(C.upload)t.append("file",C.upload,C.upload.name);else{let e=N("#network-text").value;if(!e.trim())throw new at("paste a network, upload a file or pick an example","edges");t.append("file",new Blob([e],{type:"text/plain"}),C.fileName||"network.txt")}let n={directed:N("#directed").checked,two_level:N("#two-level").checked,num_trials:Tn("#num_trials"),seed:Tn("#seed"),markov_time:Tn("#markov_time"),teleportation_probability:Tn("#teleportation_probability"),include_tree:!0,include_module_links:!0,include_links:!0};N("#flow_model").value&&(n.flow_model=N("#flow_model").value);for(let[e,r]of Object.entries(n))t.append(e,String(r));return t}async function du(t){t?.preventDefault();let n=N("#network-form");Ne(n);let e;try{e=hu()}catch(a){if(a instanceof at)return Qt(n,a.field,a.message);throw a}let r=N("#run-mode").value,i=C.caps.jobs&&r==="job",o=performance.now();Zt("",!0,i?"submitting job\u2026":"running\u2026"),In("",null),N("#progress-text").textContent="";try{let a,s=null;if(!i)try{a=await rn("/v1/infomap/file",e)}catch(l){if(!(l instanceof K&&l.code==="too_large_for_sync"&&C.caps.jobs&&r==="auto"))throw l;i=!0}i&&(Zt("",!0,"job running\u2026"),{job:s,result:a}=await Fn("/v1/jobs/infomap/file",e,l=>In("",l))),pu({form:e,response:a,job:s,seconds:(performance.now()-o)/1e3})}catch(a){if(!(a instanceof K))throw a;Qt(n,a.field,a.message)}finally{Zt("",!1)}}var wt,tn;function pu({form:t,response:n,job:e,seconds:r}){let i=ni(n);C.run={form:t,response:n,tree:i,job:e,physical:mu(n,i)},C.expanded=new Set;let o=(u,f,d)=>{let h=N(u);h.textContent=f,d!==void 0&&(h.dataset.value=String(d))};o("#codelength",n.codelength.toFixed(6),n.codelength),o("#one-level-codelength",n.one_level_codelength.toFixed(6),n.one_level_codelength),o("#savings",`${(100*n.relative_codelength_savings).toFixed(2)} %`,n.relative_codelength_savings),o("#num-levels",String(n.num_levels),n.num_levels),o("#num-modules",String(n.num_modules),n.num_modules),o("#num-nodes",String(n.num_nodes),n.num_nodes),o("#num-links",String(n.num_links),n.num_links);let a=[],s=(u,f)=>{u.children&&(f>0&&(a[f-1]=(a[f-1]??0)+1),u.children.forEach(d=>s(d,f+1)))};s(i.root,0),o("#modules-per-level",a.join(" / ")||"0");let l=n.trial_codelengths?.length??Number(t.get("num_trials")),c=n.module_links.directed?"directed flow":"undirected flow";o("#run-info",`${e?`job ${e.id.slice(0,8)}`:"synchronous"}, ${l} trial${l===1?"":"s"}, seed ${n.metadata?.seed??t.get("seed")}, ${c}, ${r.toFixed(2)} s`,e?"job":"sync"),N("#results").hidden=!1,wu(),Ee(!1),zn(),yu(),bu()}function mu(t,n){if(!t.states||!t.physical_modules)return null;let e=new Map;for(let u of n.root.leaves){let f=t.states[String(u.node)];f&&!e.has(String(f.physical_id))&&e.set(String(f.physical_id),u.name)}let r=[];for(let[u,f]of Object.entries(t.physical_modules))for(let{module:d,flow:h}of f)r.push({id:`${u}@${d}`,physical:u,module:d,flow:h,name:e.get(u)??u,overlap:f.length>1,modules:f});let i=u=>{let f=t.states[String(u)];return f?`${f.physical_id}@${f.module}`:null},o=new Map,{source:a,target:s,weight:l}=t.links;for(let u=0;u<a.length;u++){let f=i(a[u]),d=i(s[u]);if(!f||!d||f===d)continue;let h=`${f}\0${d}`;o.set(h,(o.get(h)??0)+l[u])}let c=[...o].map(([u,f])=>{let[d,h]=u.split("\0");return{source:d,target:h,weight:f}});return{units:r,links:c}}function gu(t){let n=t.reduce((i,o)=>i+o.flow,0)||1,e=0;return`<span class="pie" style="background:conic-gradient(${t.map(i=>{let o=e;return e+=100*i.flow/n,`${pt(i.module)} ${o.toFixed(2)}% ${e.toFixed(2)}%`}).join(", ")})"></span>`}function yu(){let{response:t,physical:n}=C.run,e=N("#overlap"),r=n?[...new Map(n.units.filter(o=>o.overlap).map(o=>[o.physical,o])).values()]:[];if(e.hidden=!n,!n)return;let i=Object.values(t.states).some(o=>o.layer_id!==void 0);N("#overlap-note").textContent=`${Object.keys(t.states).length} state nodes of ${Object.keys(t.physical_modules).length} physical nodes${i?" (one per layer and node)":""}; ${r.length} physical node${r.length===1?" is":"s are"} in more than one module, drawn once in each with its flow there.`,N("#overlap-table tbody").innerHTML=r.map(o=>`<tr data-physical="${vt(o.physical)}"><td>${gu(o.modules)} ${vt(o.physical)}</td><td>${vt(o.name)}</td><td>${o.modules.map(a=>`<span class="membership" data-module="${a.module}" data-flow="${a.flow}"><span class="swatch" style="background:${pt(a.module)}"></span>${a.module}: ${St(a.flow)}</span>`).join(" ")}</td></tr>`).join("")}function nn(t){for(;t.parent&&t.parent.parent;)t=t.parent;return t.rank}function Ae(t){let n=t.map((r,i)=>[r.flow,i]).sort((r,i)=>i[0]-r[0]),e=new Array(t.length);return n.forEach(([,r],i)=>{e[r]=i}),e}function vu(){let{physical:t,response:n}=C.run,e=Math.max(...t.units.map(s=>s.flow),1e-300),r=Ae(t.units),i=t.units.map((s,l)=>({id:s.id,r:3+12*Math.sqrt(s.flow/e),color:pt(s.module),outline:s.overlap,label:s.name,labelRank:r[l],unit:s})),o=Math.max(...t.links.map(s=>s.weight),1e-300),a=t.links.map(s=>({...s,width:.4+3.6*(s.weight/o),distance:40+2*Math.max(...i.map(l=>l.r))}));wt.setData(i,a,{directed:n.links.directed,separate:!0}),N("#network-canvas").dataset.level="physical"}function wu(){let{tree:t,response:n}=C.run,e=t.root.leaves;if(N("#network-canvas").dataset.level="nodes",C.run.physical){N("#network-too-large").hidden=!0,vu();return}let r=N("#network-too-large");if(e.length>cu){wt.clear(),r.hidden=!1,r.textContent=`${e.length} nodes: too many to draw here; see the module network.`;return}r.hidden=!0;let i=Math.max(...e.map(m=>m.flow),1e-300),o=e.length>2e3,a=Ae(e),s=e.map((m,w)=>({id:String(m.node),r:(o?1.5:3)+(o?6:12)*Math.sqrt(m.flow/i),color:pt(nn(m)),label:m.name,labelRank:a[w],leaf:m})),{source:l,target:c,weight:u,directed:f}=n.links,d=Math.max(...u,1e-300),h=u.every(m=>m===u[0]),x=[];for(let m=0;m<l.length;m++){let w=String(l[m]),v=String(c[m]);w!==v&&x.push({source:w,target:v,weight:u[m],width:h?1:.4+3.6*(u[m]/d)})}wt.setData(s,x,{directed:f})}function Ee(t=!0){let{tree:n,response:e}=C.run,{units:r,groups:i,links:o}=ei(n,e.module_links,C.expanded),a=Math.max(...r.map(x=>x.flow),1e-300),s=Math.max(...o.map(x=>x.flow),1e-300),l=Ae(r),c=Math.max(1,Math.sqrt(r.length/12)),u=r.map((x,m)=>{let w=En(x,1)[0];return{id:x.path,r:4+28*Math.sqrt(x.flow/a)/c,color:pt(nn(x)),outline:!!x.children,label:x.children?`${x.path} ${w?.name??""}`:x.name,labelRank:l[m],unit:x}}),f=[];for(let x of i){let m=x.children.map(w=>w.path);u.push({id:x.path,r:6,color:pt(nn(x)),group:m,label:x.path,unit:x});for(let w of m)f.push({source:x.path,target:w,hidden:!0,distance:12,strength:.6})}let d=new Map(u.map(x=>[x.id,x.r])),h=o.map(x=>({source:x.source,target:x.target,width:.5+8*(x.flow/s),strength:.2+.8*(x.flow/s),distance:d.get(x.source)+d.get(x.target)+25,flow:x.flow}));t&&xu(u,tn.positions()),tn.setData(u,h.concat(f),{keepPositions:t?new Map:null,directed:e.module_links.directed}),N("#module-canvas").dataset.units=r.map(x=>x.path).join(" ")}function xu(t,n){for(let e of t){let r=n.get(e.id);for(let i=e.id;!r&&i.includes(":");)i=i.slice(0,i.lastIndexOf(":")),r=n.get(i);r||(r=[...n].find(([i])=>i.startsWith(`${e.id}:`))?.[1]),r&&(e.x=r.x+(Math.random()-.5)*20,e.y=r.y+(Math.random()-.5)*20)}}function ii(t){if(C.run.tree.byPath.get(t)?.children){if(C.expanded.has(t))for(let e of[...C.expanded])(e===t||e.startsWith(`${t}:`))&&C.expanded.delete(e);else C.expanded.add(t);Ee(!0),zn()}}function Cn(t,n){return n==="flow"?t.flow:n==="size"?t.size:n==="children"?t.children?t.children.length:0:t.rank}function zn(){let t=N("#modules-table tbody"),n=[],{key:e,dir:r}=C.sort,i=(s,l)=>{n.length>=ke||(n.push([s,l]),s.children&&C.expanded.has(s.path)&&[...s.children].sort((u,f)=>r*(Cn(u,e)-Cn(f,e))||u.rank-f.rank).forEach(u=>i(u,l+1)))};[...C.run.tree.root.children].sort((s,l)=>r*(Cn(s,e)-Cn(l,e))||s.rank-l.rank).forEach(s=>i(s,0));let a=n.map(([s,l])=>{let c=!!s.children,u=C.expanded.has(s.path),f=c?`<button type="button" class="expand" aria-expanded="${u}" title="${u?"collapse":"expand"}">${u?"\u25BE":"\u25B8"}</button>`:`<span class="leaf-dot" style="background:${pt(nn(s))}"></span>`,d=c?En(s,5).map(h=>vt(h.name)).join(", "):vt(s.name);return`<tr data-path="${vt(s.path)}" class="${c?"module":"node"}" data-depth="${l}"><td style="padding-left:${.4+l*1.2}em">${f} <span class="swatch" style="background:${pt(nn(s))}"></span>${vt(s.path)}</td><td class="num">${s.flow.toFixed(5)}</td><td class="num">${s.size}</td><td class="num">${c?s.children.length:""}</td><td>${d}</td></tr>`});t.innerHTML=a.join(""),N("#table-note").textContent=n.length>=ke?`showing the first ${ke} rows`:"";for(let s of Tt("#modules-table th[data-sort]"))s.setAttribute("aria-sort",s.dataset.sort===e?r<0?"descending":"ascending":"none")}function vt(t){return String(t).replace(/[&<>"']/g,n=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"})[n])}function _u(t,n){let e=document.createElement("a");e.href=URL.createObjectURL(t),e.download=n,document.body.append(e),e.click(),e.remove(),setTimeout(()=>URL.revokeObjectURL(e.href),6e4)}function bu(){let t=N("#downloads"),n=C.run;if(t.innerHTML="",!C.caps.formats.length){t.textContent="this server offers no output formats (no format parameter on /v1/infomap/file)";return}for(let e of C.caps.formats){let r=document.createElement("button");r.type="button",r.id=`download-${e}`,r.className="button",r.textContent=e,r.title=`the ${e} file, written by the server`,r.addEventListener("click",async()=>{r.setAttribute("aria-busy","true");try{let{blob:i,name:o}=n.job?await Pn(`/v1/jobs/${n.job.id}/result?format=${e}`):await Pn(`/v1/infomap/file?format=${e}`,n.form),a=o.lastIndexOf(".");_u(i,`${C.source}${a>=0?o.slice(a):`.${e}`}`)}catch(i){if(!(i instanceof K))throw i;Qt(N("#network-form"),i.field,`download: ${i.message}`)}finally{r.removeAttribute("aria-busy")}}),t.append(r)}}function ku(t){let n=Bn.find(e=>e.key===t);n&&(N("#network-text").value=n.text,C.source=n.key,C.fileName=n.file,$e(null),Ne(N("#network-form")))}function $e(t){C.upload=t;let n=N("#upload-note");n.hidden=!t,n.textContent=t?`${t.name} (${t.size.toLocaleString("en")} bytes) is sent to the server as it is; type in the box to send the text instead`:"",t&&(N("#network-text").value="")}function Mu(t,n){let e=t.files?.[0];if(!e)return;let r=new FileReader;r.onload=()=>n(String(r.result),e.name),r.readAsText(e)}async function $u(t){t?.preventDefault();let n=N("#vectors-form");Ne(n);let e;try{let{vectors:i,labels:o}=ri(N("#vectors-text").value);e={vectors:i,...o?{labels:o}:{},top_k:Sn("#top_k"),min_similarity:Sn("#min_similarity"),directed:N("#v-directed").checked,two_level:N("#v-two-level").checked,num_trials:Sn("#v-num_trials"),seed:Sn("#v-seed")}}catch(i){if(i instanceof at)return Qt(n,i.field,i.message);throw i}let r=C.caps.vectorJobs&&e.vectors.length>lu;Zt("vectors-",!0),In("vectors-",null);try{let i;if(!r)try{i=await rn("/v1/cluster/vectors",e)}catch(o){if(!(o instanceof K&&o.code==="too_large_for_sync"&&C.caps.vectorJobs))throw o;r=!0}r&&({result:i}=await Fn("/v1/jobs",{kind:"cluster_vectors",...e},o=>In("vectors-",o))),Nu(i)}catch(i){if(!(i instanceof K))throw i;Qt(n,i.field,i.message)}finally{Zt("vectors-",!1)}}function Nu(t){N("#vectors-results").hidden=!1;let n=N("#vectors-summary");n.textContent=`${t.num_clusters} clusters \xB7 codelength ${t.codelength.toFixed(6)} bits (one level ${t.one_level_codelength.toFixed(6)}, savings ${(100*t.relative_codelength_savings).toFixed(2)} %) \xB7 kNN graph: ${t.graph.nodes} nodes, ${t.graph.links} links`,n.dataset.numClusters=String(t.num_clusters);let e=N("#clusters");e.innerHTML=t.clusters.map(r=>{let i=r.members.slice(0,200).map(a=>`<li>${vt(a)}</li>`).join(""),o=r.members.length>200?`<li class="muted">\u2026 and ${r.members.length-200} more</li>`:"";return`<li class="cluster" data-module="${r.module}"><h4><span class="swatch" style="background:${pt(r.module)}"></span>Cluster ${r.module} \xB7 ${r.size} member${r.size===1?"":"s"} \xB7 flow ${St(r.flow)}</h4><ol class="members">${i}${o}</ol></li>`}).join("")}function Au(t){for(let n of Tt("nav [data-tab]"))n.setAttribute("aria-selected",String(n.dataset.tab===t));N("#tab-network").hidden=t!=="network",N("#tab-vectors").hidden=t!=="vectors"}async function Eu(){let t=N("#example");for(let n of Bn)t.add(new Option(n.title,n.key));t.addEventListener("change",()=>ku(t.value)),N("#network-file").addEventListener("change",n=>{let e=n.target.files?.[0];e&&($e(e),C.source=e.name.replace(/\.[^.]+$/,"")||"network",C.fileName=e.name,t.value="")}),N("#network-text").addEventListener("input",()=>{$e(null),N("#network-file").value="",C.fileName="",t.value&&(C.source="network"),t.value=""}),N("#network-form").addEventListener("submit",du),N("#vectors-form").addEventListener("submit",$u),N("#vectors-example").addEventListener("click",()=>{N("#vectors-text").value=ze[0].text,N("#top_k").value="2"}),N("#vectors-file").addEventListener("change",n=>Mu(n.target,e=>{N("#vectors-text").value=e}));for(let n of Tt("nav [data-tab]"))n.addEventListener("click",()=>Au(n.dataset.tab));for(let n of Tt("#modules-table th[data-sort]"))n.addEventListener("click",()=>{let e=n.dataset.sort;C.sort={key:e,dir:C.sort.key===e?-C.sort.dir:e==="path"?1:-1},zn()});if(N("#modules-table tbody").addEventListener("click",n=>{let e=n.target.closest("button.expand");e&&ii(e.closest("tr").dataset.path)}),N("#collapse-all").addEventListener("click",()=>{C.expanded.clear(),Ee(!0),zn()}),wt=be(N("#network-canvas"),{tooltip:N("#network-tooltip"),describe:n=>n.unit?`${n.label} (node ${n.unit.physical}) \xB7 module ${n.unit.module} \xB7 flow ${St(n.unit.flow)}`+(n.unit.overlap?` \xB7 also in ${n.unit.modules.filter(e=>e.module!==n.unit.module).map(e=>`${e.module} (${St(e.flow)})`).join(", ")}`:""):`${n.label} \xB7 module ${n.leaf.path.split(":").slice(0,-1).join(":")} \xB7 flow ${St(n.leaf.flow)}`}),tn=be(N("#module-canvas"),{tooltip:N("#module-tooltip"),describe:n=>n.unit.children?`module ${n.unit.path} \xB7 flow ${St(n.unit.flow)} \xB7 ${n.unit.size} nodes \xB7 ${En(n.unit,3).map(e=>e.name).join(", ")}`:`${n.unit.name} \xB7 flow ${St(n.unit.flow)}`,onClick:n=>ii(n.unit.path),collide:!0}),N("#fit-network").addEventListener("click",()=>wt.fit()),N("#fit-modules").addEventListener("click",()=>tn.fit()),N("#api-key").value=Rn(),N("#api-key").addEventListener("change",n=>Te(n.target.value.trim())),C.caps=await Ie(),N("#server-info").textContent=`server ${C.caps.version}${C.caps.jobs?" \xB7 jobs":""}`,!C.caps.jobs)for(let n of Tt("#run-mode option"))n.value==="job"&&(n.disabled=!0);C.caps.vectors||(N("#vectors-unavailable").hidden=!1,N("#vectors-form").hidden=!0),document.body.dataset.ready="true"}window.mapeq={state:C,networkLabels:()=>wt.labels(),moduleLinks:()=>tn.drawnLinks(),networkLinks:()=>wt.drawnLinks(),networkPosition:t=>wt.screenPosition(t)};Eu();
